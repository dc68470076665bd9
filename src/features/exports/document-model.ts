// The format-neutral document that every export renderer reads. Mappings from app data
// (statements today; agendas, minutes and extracts when the meetings feature lands) build
// one of these, and the PDF and DOCX renderers never see app data. A new kind of
// document is therefore a new mapping, not a new renderer.
//
// The tree is deliberately small: what a Swedish municipal document needs and nothing a
// renderer would have to guess about. Text is plain strings; formatting is per run.

/** A piece of text with its formatting. `href` is an already-validated http(s)/mailto URL. */
export type Run = { text: string; bold?: boolean; italic?: boolean; href?: string };

/** A paragraph's content: runs, with "\n" inside a run meaning a line break. */
export type Runs = Run[];

export type HeadingBlock = { kind: "heading"; level: 1 | 2 | 3 | 4; runs: Runs };

export type ParagraphBlock = {
  kind: "paragraph";
  runs: Runs;
  /** "subtitle" sits right under the title; "note" is smaller running text. */
  style?: "normal" | "subtitle" | "note";
};

/**
 * A list. `marker: "att"` is the decision-point list of Swedish proposals, every item
 * introduced by the word "att" in the label column instead of a bullet or number;
 * `"attachment"` numbers the Bilagor of a document: "Bilaga 1", "Bilaga 2" …
 */
export type ListBlock = {
  kind: "list";
  marker: "bullet" | "number" | "att" | "attachment";
  /** First number of a numbered list. */
  start?: number;
  items: Block[][];
};

export type QuoteBlock = { kind: "quote"; blocks: Block[] };

/** A table with one header row. Cells are runs (no nested blocks: keeps both formats simple). */
export type TableBlock = {
  kind: "table";
  /** Read by screen readers; not printed. */
  summary: string;
  header: string[];
  rows: Runs[][];
  /** Relative column widths, summing to anything (e.g. [3, 1]). */
  widths?: number[];
};

/** Labelled columns side by side: the letterhead ("Handläggare" | "Till") and the signatures. */
export type ColumnsBlock = {
  kind: "columns";
  columns: { label?: string; lines: string[] }[];
};

/**
 * The proof of digital attestation: heading, intro, a Namn/Datum table, the verification
 * code and where to check it. Rendered with a QR code of `verificationUrl`.
 */
export type AttestationBlock = {
  kind: "attestation";
  heading: string;
  intro: string;
  rows: { name: string; date: string }[];
  verificationCode: string;
  verificationUrl: string;
};

/** A raster image: PNG without transparency (PDF/A), its size in pixels giving its aspect ratio. */
export type ExportImage = { png: Buffer; width: number; height: number; description: string };

/**
 * The top of the first page as a municipality's documents print it: its logo on the left,
 * the document's own date, labelled ("Datum 2024-04-09"), on the right.
 */
export type LetterheadBlock = { kind: "letterhead"; logo: ExportImage | null; date: { label: string; value: string } };

/** The logo's printed size in points (PDF, DOCX and preview alike): 40 pt tall, at most 200 pt wide, in its own aspect ratio. */
export const logoSize = (logo: ExportImage): { width: number; height: number } => {
  const width = Math.min(200, (40 * logo.width) / logo.height);
  return { width, height: (width * logo.height) / logo.width };
};


/**
 * Keep-with-next: the block starts on the same page as the beginning of the block after it
 * (its first three lines, or all of it when that block is kept whole). Headings always keep
 * with next; a mapping sets it on other blocks that belong with what follows (the justering
 * with its anslag, the signatures with their attestation).
 */
export type Pagination = {
  keepWithNext?: boolean;
  /** Starts a new page: the first block of a document appended to another (the tjänsteutlåtande after its protokollsutdrag). */
  pageBreakBefore?: boolean;
};

export type Block = (HeadingBlock | ParagraphBlock | ListBlock | QuoteBlock | TableBlock | ColumnsBlock | AttestationBlock | LetterheadBlock) & Pagination;

/** The block, kept on the page of the block after it. */
export const keptWithNext = <T extends Block>(block: T): T => ({ ...block, keepWithNext: true });

export type ExportDocument = {
  meta: {
    title: string;
    /** Shown as subject/description in file properties. */
    subject: string;
    /** The organisation that issues the document (administration). */
    author: string;
    /** BCP 47; always "sv-SE" for our documents. */
    language: string;
    /** Creation date written into both formats (the content's own date, never "now"). */
    createdAt: Date;
    /**
     * 64 hex characters identifying the content (the version's SHA-256). The PDF's file
     * identifier is derived from it, so equal content gives equal bytes.
     */
    identifier: string;
  };
  /** Printed at the top of every page, with "Sida n (N)" added by the renderer. */
  runningHeader: { organisation: string; unit?: string; documentType: string; reference: string };
  /** Drafts carry a diagonal "UTKAST" on every page. */
  draft: boolean;
  blocks: Block[];
};

// ─── Builders (mappings and tests) ──────────────────────────────────────────

export const run = (text: string, format: Omit<Run, "text"> = {}): Run => ({ text, ...format });
export const heading = (level: HeadingBlock["level"], text: string): HeadingBlock => ({ kind: "heading", level, runs: [run(text)] });
export const paragraph = (runs: Runs | string, style?: ParagraphBlock["style"]): ParagraphBlock =>
  style ? { kind: "paragraph", runs: typeof runs === "string" ? [run(runs)] : runs, style } : { kind: "paragraph", runs: typeof runs === "string" ? [run(runs)] : runs };

/** Multi-paragraph text typed in a form: blank lines separate paragraphs, single newlines stay line breaks. */
export const textBlocks = (text: string): ParagraphBlock[] =>
  text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => paragraph(part));

export const runsToText = (runs: Runs): string => runs.map((item) => item.text).join("");

/** Plain text of a block tree, one line per paragraph (tests and search indexes). */
export const blockText = (block: Block): string => {
  switch (block.kind) {
    case "heading":
    case "paragraph":
      return runsToText(block.runs);
    case "list":
      return block.items.map((item) => item.map(blockText).join("\n")).join("\n");
    case "quote":
      return block.blocks.map(blockText).join("\n");
    case "table":
      return [block.header.join("\t"), ...block.rows.map((row) => row.map(runsToText).join("\t"))].join("\n");
    case "columns":
      return block.columns.map((column) => [column.label, ...column.lines].filter(Boolean).join("\n")).join("\n");
    case "attestation":
      return [block.heading, block.intro, ...block.rows.map((row) => `${row.name}\t${row.date}`), block.verificationCode].join("\n");
    case "letterhead":
      return `${block.date.label} ${block.date.value}`;
  }
};
