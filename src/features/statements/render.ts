// Renders validated rich text. One walker, two outputs: an HTML string (export, tests)
// and React elements (preview). Only the tags below can ever come out; text is escaped
// by the string backend and by React in the other; the only attribute is a link's href,
// re-checked here so that even JSON that skipped validation cannot produce a script URL.
import { isSafeHref, type TBlock, type TInline, type TRichText } from "./rich-text";

export type AllowedTag = "p" | "h3" | "h4" | "strong" | "em" | "a" | "ul" | "ol" | "li" | "blockquote" | "br";
export type AllowedAttrs = { href?: string; start?: number; rel?: string };

export type RenderBackend<N> = {
  element: (tag: AllowedTag, attrs: AllowedAttrs, children: N[], key: number) => N;
  text: (value: string, key: number) => N;
};

const renderInline = <N>(nodes: TInline[] | undefined, backend: RenderBackend<N>): N[] =>
  (nodes ?? []).map((node, index) => {
    if (node.type === "hardBreak") return backend.element("br", {}, [], index);
    let result = backend.text(node.text, index);
    // Fixed nesting order (link outermost) so that equal content renders equally.
    for (const type of ["italic", "bold", "link"] as const) {
      const mark = node.marks?.find((candidate) => candidate.type === type);
      if (!mark) continue;
      if (mark.type === "link") {
        if (isSafeHref(mark.attrs.href)) result = backend.element("a", { href: mark.attrs.href, rel: "noopener noreferrer" }, [result], index);
      } else {
        result = backend.element(mark.type === "bold" ? "strong" : "em", {}, [result], index);
      }
    }
    return result;
  });

const renderBlocks = <N>(blocks: TBlock[], backend: RenderBackend<N>): N[] =>
  blocks.map((block, index) => {
    switch (block.type) {
      case "paragraph":
        return backend.element("p", {}, renderInline(block.content, backend), index);
      case "heading":
        return backend.element(block.attrs.level === 4 ? "h4" : "h3", {}, renderInline(block.content, backend), index);
      case "bulletList":
      case "orderedList": {
        const items = block.content.map((item, itemIndex) => backend.element("li", {}, renderBlocks(item.content, backend), itemIndex));
        const start = block.type === "orderedList" && block.attrs?.start && block.attrs.start > 1 ? { start: block.attrs.start } : {};
        return backend.element(block.type === "bulletList" ? "ul" : "ol", start, items, index);
      }
      case "blockquote":
        return backend.element("blockquote", {}, renderBlocks(block.content, backend), index);
    }
  });

export const renderRichText = <N>(value: TRichText, backend: RenderBackend<N>): N[] => renderBlocks(value.content, backend);

// ─── HTML string backend ────────────────────────────────────────────────────

export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

const htmlBackend: RenderBackend<string> = {
  text: (value) => escapeHtml(value),
  element: (tag, attrs, children) => {
    if (tag === "br") return "<br>";
    const attributes = [
      attrs.href !== undefined ? ` href="${escapeHtml(attrs.href)}"` : "",
      attrs.rel !== undefined ? ` rel="${escapeHtml(attrs.rel)}"` : "",
      attrs.start !== undefined ? ` start="${Math.trunc(attrs.start)}"` : "",
    ].join("");
    return `<${tag}${attributes}>${children.join("")}</${tag}>`;
  },
};

/** Server-side HTML of one section: allowlisted tags, escaped text, safe links only. */
export const renderRichTextToHtml = (value: TRichText): string => renderRichText(value, htmlBackend).join("");
