// Pasting from Word: keep the structure (paragraphs, headings, lists, bold, italic,
// links) and drop the styling. ProseMirror's parser already ignores what the schema does
// not know; this turns Word's fake lists (paragraphs with mso-list styles and a typed
// bullet) into real lists and removes Word's style blocks and conditional comments.
export const cleanWordHtml = (html: string): string => {
  if (typeof DOMParser === "undefined") return html;
  const parsed = new DOMParser().parseFromString(html.replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, ""), "text/html");
  parsed.querySelectorAll("style, meta, link, script, xml, o\\:p").forEach((element) => element.remove());

  const isListParagraph = (element: Element | null): element is HTMLElement =>
    element?.tagName === "P" && (/MsoListParagraph/i.test(element.className) || /mso-list:\s*l\d/i.test(element.getAttribute("style") ?? ""));

  for (const first of Array.from(parsed.body.querySelectorAll("p"))) {
    if (!first.isConnected || !isListParagraph(first) || isListParagraph(first.previousElementSibling)) continue;
    const items: HTMLElement[] = [];
    for (let current: Element | null = first; isListParagraph(current); current = current.nextElementSibling) items.push(current);
    // The typed marker ("1.", "a)", "·") lives in a span Word marks with mso-list:Ignore.
    const marker = first.querySelector('span[style*="mso-list:Ignore" i], span[style*="mso-list: Ignore" i]')?.textContent?.trim() ?? "";
    const list = parsed.createElement(/^[0-9a-z]+[.)]$/i.test(marker) ? "ol" : "ul");
    first.before(list);
    for (const item of items) {
      item.querySelectorAll('span[style*="mso-list:Ignore" i], span[style*="mso-list: Ignore" i]').forEach((span) => span.remove());
      const li = parsed.createElement("li");
      const paragraph = parsed.createElement("p");
      paragraph.innerHTML = item.innerHTML;
      li.append(paragraph);
      list.append(li);
      item.remove();
    }
  }
  // Class and style attributes carry only Word's formatting.
  parsed.body.querySelectorAll("[class], [style]").forEach((element) => {
    element.removeAttribute("class");
    element.removeAttribute("style");
  });
  return parsed.body.innerHTML;
};
