// The text of an uploaded PDF or DOCX, for search. PDF through Mozilla's pdf.js (its legacy
// build runs in Node without a canvas); a DOCX is a zip whose word/document.xml holds the
// text in <w:t> runs, one <w:p> per paragraph.
import "server-only";
import { unzipSync } from "fflate";
import { FILE_TYPES } from "@/lib/file-type";

/** The kinds whose text is extracted. */
export const EXTRACTABLE_MIME_TYPES: readonly string[] = [FILE_TYPES.PDF.mimeType, FILE_TYPES.DOCX.mimeType];

/** Search needs the words, not a whole book: beyond this the text is cut (a tsvector holds at most 1 MB). */
const MAX_TEXT_LENGTH = 500_000;

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

const decodeXml = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity.startsWith("#x") || entity.startsWith("#X")) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return XML_ENTITIES[entity] ?? whole;
  });

const docxText = (bytes: Uint8Array): string => {
  const entries = unzipSync(bytes, { filter: (file) => file.name === "word/document.xml" });
  const xml = entries["word/document.xml"];
  if (!xml) throw new Error("DOCX without word/document.xml");
  // Text runs, tabs and paragraph ends, in document order; everything else is markup.
  return [...new TextDecoder().decode(xml).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<\/w:p>/g)]
    .map(([whole, text]) => (text !== undefined ? decodeXml(text) : whole === "</w:p>" ? "\n" : "\t"))
    .join("");
};

const pdfText = async (bytes: Uint8Array): Promise<string> => {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // pdf.js takes ownership of (and detaches) the buffer it is given: pass a copy.
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const content = await (await pdf.getPage(number)).getTextContent();
      pages.push(content.items.map((item) => ("str" in item ? `${item.str}${item.hasEOL ? "\n" : ""}` : "")).join(""));
    }
    return pages.join("\n");
  } finally {
    await pdf.destroy();
  }
};

/**
 * The text of a PDF or DOCX, whitespace-normalised and without control characters: PostgreSQL
 * text cannot hold NUL, and search snippets mark their hits with \u0002/\u0003 (src/lib/snippet.ts).
 */
export const extractText = async (bytes: Uint8Array, mimeType: string): Promise<string> => {
  const raw = mimeType === FILE_TYPES.PDF.mimeType ? await pdfText(bytes) : mimeType === FILE_TYPES.DOCX.mimeType ? docxText(bytes) : "";
  return raw
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")
    .replace(/[ \t]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim()
    .slice(0, MAX_TEXT_LENGTH);
};
