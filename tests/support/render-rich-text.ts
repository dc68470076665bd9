// Rich text as the pages show it: through the document model and DocumentView's blocks,
// the one on-screen rendering (the preview, the attester's page and the read-only statement).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { BlocksView } from "@/features/exports/components/document-view";
import { richTextToBlocks } from "@/features/exports/statement-document";
import type { TRichText } from "@/features/statements/rich-text";

export const richTextHtml = (value: TRichText): string => renderToStaticMarkup(createElement(BlocksView, { blocks: richTextToBlocks(value) }));

/** The same HTML without class attributes, for comparing structure. */
export const richTextMarkup = (value: TRichText): string => richTextHtml(value).replace(/ class="[^"]*"/g, "");
