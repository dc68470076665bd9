import fc from "fast-check";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { doc, paragraph, ZRichTextSchema, type TRichText } from "@/features/statements/rich-text";
import { richTextToBlocks } from "../statement-document";
import { BlocksView } from "./document-view";

const richTextMarkup = (value: TRichText): string =>
  renderToStaticMarkup(createElement(BlocksView, { blocks: richTextToBlocks(value) })).replace(/ class="[^"]*"/g, "");

describe("DocumentView", () => {
  it("renders any text escaped, whatever it contains", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter((value) => ZRichTextSchema.safeParse(doc(paragraph(value))).success), (value) => {
        const html = richTextMarkup(doc(paragraph(value)));
        expect(html.replace(/^<p>/, "").replace(/<\/p>$/, "").replace(/<br\/>/g, "")).not.toMatch(/[<>"]/);
      }),
    );
  });

});
