// The text of an uploaded PDF or DOCX, for search. PDF through Mozilla's pdf.js (its legacy
// build runs in Node without a canvas); a DOCX is a zip whose word/document.xml holds the
// text in <w:t> runs, one <w:p> per paragraph.
import "server-only";
import { unzipSync } from "fflate";
import { FILE_TYPES } from "@/lib/file-type";
import { type Passage, passagesOf } from "@/lib/passages";

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

const pdfPages = async (bytes: Uint8Array): Promise<string[]> => {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // pdf.js takes ownership of (and detaches) the buffer it is given, and refuses a Buffer: pass a plain copy.
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const content = await (await pdf.getPage(number)).getTextContent();
      pages.push(content.items.map((item) => ("str" in item ? `${item.str}${item.hasEOL ? "\n" : ""}` : "")).join(""));
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
};

/**
 * Whitespace-normalised and without control characters: PostgreSQL text cannot hold NUL, and
 * search snippets mark their hits with \u0002/\u0003 (src/lib/snippet.ts).
 */
const normalise = (text: string): string =>
  text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")
    .replace(/[ \t]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();

/**
 * The text of a PDF or DOCX in passages (src/lib/passages.ts): a PDF's by page, a DOCX's
 * without page numbers; at most MAX_TEXT_LENGTH characters in all.
 */
export const extractText = async (bytes: Uint8Array, mimeType: string): Promise<Passage[]> => {
  const pages: Passage[] =
    mimeType === FILE_TYPES.PDF.mimeType
      ? (await pdfPages(bytes)).map((text, index) => ({ page: index + 1, text }))
      : mimeType === FILE_TYPES.DOCX.mimeType
        ? [{ page: null, text: docxText(bytes) }]
        : [];
  let room = MAX_TEXT_LENGTH;
  const kept: Passage[] = [];
  for (const { page, text } of pages) {
    if (room <= 0) break;
    const clean = normalise(text).slice(0, room);
    room -= clean.length;
    kept.push({ page, text: clean });
  }
  return passagesOf(kept);
};
