// The fonts embedded in exported PDFs: Source Sans 3 (SIL Open Font License) from
// @fontsource/source-sans-3. Server-only by nature (node:fs); imported by the renderers.
//
// The package ships WOFF. fontkit (inside PDFKit) would inflate every WOFF table with a
// pure-JS inflater on every document — about 150 ms per font per document, which blew
// the render budget. So each WOFF is unpacked once per process to a plain sfnt
// (TrueType/OpenType) with node's zlib, and PDFKit gets that; it still subsets per document.
import { readFileSync } from "node:fs";
import path from "node:path";
import { inflateSync } from "node:zlib";
import PDFDocument from "pdfkit";

export type FontName = "regular" | "italic" | "semibold" | "bold" | "boldItalic";

const FILES: Record<FontName, string> = {
  regular: "source-sans-3-latin-400-normal.woff",
  italic: "source-sans-3-latin-400-italic.woff",
  semibold: "source-sans-3-latin-600-normal.woff",
  bold: "source-sans-3-latin-700-normal.woff",
  boldItalic: "source-sans-3-latin-700-italic.woff",
};

// The "latin" subset covers Swedish (å ä ö é), dashes, § and the quotation marks we use.
// Resolved from the working directory rather than through the bundler: Next would
// otherwise try to bundle the font files; scripts and tests run from the repo root too.
const FONT_DIR = path.join(process.cwd(), "node_modules", "@fontsource", "source-sans-3", "files");

/** WOFF 1.0 (W3C) → the sfnt it wraps: same tables, uncompressed, 4-byte aligned. */
export const woffToSfnt = (woff: Buffer): Buffer => {
  if (woff.toString("latin1", 0, 4) !== "wOFF") throw new Error("Not a WOFF 1.0 font");
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, index) => {
    const entry = 44 + index * 20;
    const offset = woff.readUInt32BE(entry + 4);
    const compLength = woff.readUInt32BE(entry + 8);
    const origLength = woff.readUInt32BE(entry + 12);
    const raw = woff.subarray(offset, offset + compLength);
    return {
      tag: woff.subarray(entry, entry + 4),
      checksum: woff.readUInt32BE(entry + 16),
      data: compLength < origLength ? inflateSync(raw) : raw,
    };
  });
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const headerLength = 12 + numTables * 16;
  const padded = (length: number): number => (length + 3) & ~3;
  const total = tables.reduce((sum, table) => sum + padded(table.data.length), headerLength);
  const out = Buffer.alloc(total);
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  let offset = headerLength;
  tables.forEach((table, index) => {
    const record = 12 + index * 16;
    table.tag.copy(out, record);
    out.writeUInt32BE(table.checksum, record + 4);
    out.writeUInt32BE(offset, record + 8);
    out.writeUInt32BE(table.data.length, record + 12);
    table.data.copy(out, offset);
    offset += padded(table.data.length);
  });
  return out;
};

/** A parsed (fontkit) font, as PDFKit's `font()`/`registerFont()` accept it. */
export type ParsedFont = { layout: (...args: unknown[]) => unknown; _glyphs: Record<number, unknown> };

let sfntCache: Record<FontName, Buffer> | null = null;

/** The unpacked font files (sfnt), read once per process: parsed for PDFs, embedded in DOCX. */
export const fontFiles = (): Record<FontName, Buffer> => {
  sfntCache ??= Object.fromEntries(Object.entries(FILES).map(([name, file]) => [name, woffToSfnt(readFileSync(path.join(FONT_DIR, file)))])) as Record<FontName, Buffer>;
  return sfntCache;
};

let cache: Record<FontName, ParsedFont> | null = null;

/**
 * The fonts, parsed once per process (parsing GSUB/GPOS per document was most of a
 * render). fontkit is PDFKit's own dependency, not ours, so PDFKit parses them.
 *
 * Callers must call `resetGlyphCache` before each document and render it synchronously:
 * fontkit caches glyph objects with the characters they were first met for (writing a
 * subset creates component glyphs with none), and those characters become the PDF's
 * text layer. Reset per document, the text layer depends on that document alone.
 */
export const loadFonts = (): Record<FontName, ParsedFont> => {
  if (cache) return cache;
  const sfnts = fontFiles();
  const parser = new PDFDocument({ autoFirstPage: false, font: sfnts.regular as unknown as string });
  const parsed = {} as Record<FontName, ParsedFont>;
  for (const name of Object.keys(FILES) as FontName[]) {
    parser.font(sfnts[name] as unknown as string);
    parsed[name] = (parser as unknown as { _font: { font: ParsedFont } })._font.font;
  }
  cache = parsed;
  return cache;
};

export const resetGlyphCache = (fonts: Record<FontName, ParsedFont>): void => {
  for (const font of Object.values(fonts)) font._glyphs = {};
};
