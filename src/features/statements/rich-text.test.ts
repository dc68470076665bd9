import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSafeHref, mergeRichText, toStoredDoc, ZRichTextSchema, doc, paragraph } from "./rich-text";

describe("rich text", () => {
  it("accepts only http(s) and mailto links without whitespace or control characters", () => {
    expect(isSafeHref("https://www.oppnadrogscener.se")).toBe(true);
    expect(isSafeHref("mailto:clas@example.se")).toBe(true);
    for (const href of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\nscript:x", "data:text/html,x", "//x.se", " https://x.se", "https://x.se/a b", "http:x"]) {
      expect(isSafeHref(href), href).toBe(false);
    }
    fc.assert(
      fc.property(fc.string(), (href) => {
        if (isSafeHref(href)) expect(href).toMatch(/^(https?:\/\/|mailto:)/i);
      }),
    );
  });

  it("turns the editor's JSON into the stored subset, dropping presentational attributes and unknown nodes", () => {
    const editor = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 3, textAlign: "left" }, content: [{ type: "text", text: "Rubrik" }] },
        { type: "paragraph", content: [{ type: "text", text: "länk", marks: [{ type: "link", attrs: { href: "https://x.se", target: "_blank", rel: "noopener", class: null } }, { type: "underline" }] }] },
        { type: "horizontalRule" },
        { type: "orderedList", attrs: { start: 1, type: null }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "ett" }] }] }] },
      ],
    };
    const stored = toStoredDoc(editor);
    expect(ZRichTextSchema.parse(stored)).toEqual({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Rubrik" }] },
        { type: "paragraph", content: [{ type: "text", text: "länk", marks: [{ type: "link", attrs: { href: "https://x.se" } }] }] },
        { type: "orderedList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "ett" }] }] }] },
      ],
    });
    expect(toStoredDoc({ type: "doc", content: [{ type: "paragraph" }] })).toEqual({ type: "doc", content: [] });
  });

  it("keeps both texts when merging, shared paragraphs once", () => {
    const theirs = doc(paragraph("Gemensamt."), paragraph("Deras tillägg."));
    const mine = doc(paragraph("Gemensamt."), paragraph("Mitt tillägg."));
    expect(mergeRichText(theirs, mine)).toEqual(doc(paragraph("Gemensamt."), paragraph("Deras tillägg."), paragraph("Mitt tillägg.")));
  });
});
