// ExportDocument → DOCX (WordprocessingML) with the `docx` package. Real Word styles
// (Title, Heading1/2/3 — "Rubrik 1/2" in Swedish Word), real numbering for lists (the
// att-list is a numbering definition whose label is the word "att"), a table for the
// attestation, page header with "Sida n (N)" fields, Word's own watermark for drafts, and
// core properties. Headings keep with their text and short lists stay whole (keepNext,
// keepLines), images keep their aspect ratio. The page, the margins, the typeface (embedded,
// see docx-fonts.ts) and the line heights are the PDF's, so Word and LibreOffice break the
// pages where the PDF does. `normaliseDocx` then makes the package deterministic.
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Header,
  HeadingLevel,
  HeightRule,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type ParagraphChild,
} from "docx";
import { TextWatermark } from "docx/watermarks";
import QRCode from "qrcode";
import { logoSize, type AttestationBlock, type Block, type ColumnsBlock, type ExportDocument, type LetterheadBlock, type ListBlock, type Runs, type TableBlock } from "../document-model";
import { readZip, type ZipEntry } from "../zip";
import { DOCX_FONT as FONT, embedFonts } from "./docx-fonts";
import { normaliseDocx } from "./docx-normalise";

// Word units: sizes in half-points, lengths in twentieths of a point (twips).
const PAGE = { width: 11906, height: 16838 }; // A4
// The PDF's margins (pdf.ts: 108/64/72 pt) and its running header at 44 pt from the top.
const MARGIN = { top: 2160, bottom: 1280, left: 1440, right: 1440, header: 880 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const COLOR = { text: "1A1A1A", muted: "555555", link: "0B4F8A", rule: "9A9A9A" };

/**
 * The PDF's line height for a font size in half-points: Source Sans 3's line (ascender to
 * descender, 1.424 em) plus PDFKit's line gap of 2.2 pt (pdf.ts LINE_GAP), in twips.
 * "At least", so that an image in a line is never clipped.
 */
const lineSpacing = (halfPoints: number) => ({ line: Math.round(((halfPoints / 2) * 1.424 + 2.2) * 20), lineRule: LineRuleType.AT_LEAST });

/** Pixels at 96 dpi (the package's unit for images) for a length in points. */
const pixels = (points: number): number => Math.round((points * 96) / 72);

/** Lists up to this many items are kept on one page, with the paragraph before them ending it. */
const SHORT_LIST = 6;

/** ST_NumberFormat "none" (ECMA-376 §17.18.59): a label without a number, as Word writes it; the package's LevelFormat lacks it. */
const NO_NUMBER = "none" as unknown as (typeof LevelFormat)["BULLET"];

const HEADING_LEVEL = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 } as const;

const textRuns = (runs: Runs, base: { size?: number; color?: string; bold?: boolean } = {}): ParagraphChild[] =>
  runs.flatMap((part): ParagraphChild[] => {
    // "\n" is a line break inside the paragraph.
    const pieces = part.text.split("\n");
    const runsForPart = pieces.map(
      (piece, index) =>
        new TextRun({
          text: piece,
          bold: part.bold ?? base.bold,
          italics: part.italic,
          size: base.size,
          color: part.href ? undefined : base.color,
          style: part.href ? "Hyperlink" : undefined,
          break: index > 0 ? 1 : undefined,
        }),
    );
    return part.href ? [new ExternalHyperlink({ link: part.href, children: runsForPart })] : runsForPart;
  });

type ListContext = { counter: { value: number } };

const LIST_REFERENCE: Record<ListBlock["marker"], string> = { att: "att", number: "numbered", bullet: "bullets", attachment: "attachments" };

/** Lists that count restart at their own instance; "att" and bullets share one. */
const counts = (marker: ListBlock["marker"]): boolean => marker === "number" || marker === "attachment";

/** A page break before a block that is not a paragraph: an empty paragraph that starts the page. */
const pageBreak = (): Paragraph => new Paragraph({ pageBreakBefore: true, spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, children: [] });

/**
 * The PDF's pagination in Word's terms: keep-with-next (keepNext and keepLines on the block's
 * paragraphs), a page break before, and short tables kept whole (as the PDF keeps them).
 */
const renderBlock = async (block: Block, context: ListContext, level = 0): Promise<(Paragraph | Table)[]> => {
  const keepNext = block.keepWithNext === true;
  const pageBreakBefore = block.pageBreakBefore === true;
  switch (block.kind) {
    case "heading":
      return [new Paragraph({ heading: HEADING_LEVEL[block.level], children: textRuns(block.runs), keepNext: true, keepLines: true, pageBreakBefore })];
    case "paragraph":
      return [
        new Paragraph({
          style: block.style === "subtitle" ? "Subtitle" : block.style === "note" ? "Note" : undefined,
          children: textRuns(block.runs),
          ...(keepNext ? { keepNext: true, keepLines: true } : {}),
          pageBreakBefore,
        }),
      ];
    case "list":
      return [...(pageBreakBefore ? [pageBreak()] : []), ...(await renderList(block, context, level))];
    case "quote":
      return [...(pageBreakBefore ? [pageBreak()] : []), ...(await Promise.all(block.blocks.map((child) => renderBlock(child, context, level)))).flat()];
    case "table":
      return [...(pageBreakBefore ? [pageBreak()] : []), renderTable(block, CONTENT_WIDTH, { keepNext }), spacer(7)];
    case "columns":
      return [...(pageBreakBefore ? [pageBreak()] : []), renderColumns(block, { keepNext }), spacer(11)];
    case "attestation":
      return renderAttestation(block);
    case "letterhead":
      return [renderLetterhead(block), spacer(7)];
  }
};

const renderList = async (block: ListBlock, context: ListContext, level: number): Promise<(Paragraph | Table)[]> => {
  // Every numbered list restarts at its own instance; the counter keeps ids deterministic.
  context.counter.value += 1;
  const instance = context.counter.value;
  const out: (Paragraph | Table)[] = [];
  // A short list (the att-satser of a proposal) stays on one page: every line kept, every
  // paragraph but the list's last kept with the next.
  const whole = block.items.length <= SHORT_LIST;
  const keep = (itemIndex: number, childIndex: number) => ({
    keepLines: whole,
    keepNext: whole && !(itemIndex === block.items.length - 1 && childIndex === block.items[itemIndex]!.length - 1),
  });
  for (const [itemIndex, item] of block.items.entries()) {
    for (const [index, child] of item.entries()) {
      if (index === 0 && child.kind === "paragraph") {
        out.push(
          new Paragraph({
            numbering: { reference: LIST_REFERENCE[block.marker], level: Math.min(level, 2), instance: counts(block.marker) ? instance : 0 },
            ...keep(itemIndex, index),
            children: textRuns(child.runs),
          }),
        );
      } else if (child.kind === "paragraph") {
        out.push(new Paragraph({ indent: { left: 360 * (level + 1) + 360 }, ...keep(itemIndex, index), children: textRuns(child.runs) }));
      } else {
        out.push(...(await renderBlock(child, context, level + 1)));
      }
    }
  }
  return out;
};

/**
 * The PDF's space after a table (7 pt) or a layout table (11 pt), as an empty paragraph. A
 * paragraph after a table gets its whole "before" where the PDF adds both, so the spacer
 * ends in a paragraph's 7 pt "after", which a following heading's "before" includes.
 */
const spacer = (points: 7 | 11): Paragraph =>
  new Paragraph({ spacing: { before: 0, after: 140, line: Math.max(1, (points - 7) * 20), lineRule: LineRuleType.EXACT }, children: [] });

/** A line of a table cell: the cell's padding spaces it, not the paragraph (as in the PDF). */
const CELL_LINE = { after: 0 };
/** The PDF's cell padding (4 pt). */
const CELL_MARGINS = { top: 80, bottom: 80, left: 80, right: 80 };

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  bottom: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  left: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  right: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
};

const widthsFor = (weights: number[], total: number): number[] => {
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  return weights.map((weight) => Math.round((total * weight) / sum));
};

/** A table of up to this many rows stays on one page (the PDF keeps a table whole up to 40 % of a page). */
const SHORT_TABLE = 12;

const renderTable = (block: TableBlock, width: number, { keepNext = false }: { keepNext?: boolean } = {}): Table => {
  const widths = widthsFor(block.widths ?? block.header.map(() => 1), width);
  // Kept whole: every row's lines kept with the next row's, the last row's only when the table keeps with next.
  const whole = block.rows.length <= SHORT_TABLE;
  const keepRow = (index: number) => (whole && index < block.rows.length - 1) || (keepNext && index === block.rows.length - 1);
  const rule = { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule };
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: CELL_MARGINS,
    borders: { ...NO_BORDERS, bottom: rule, insideHorizontal: rule },
    rows: [
      new TableRow({
        tableHeader: true,
        children: block.header.map(
          (text, index) =>
            new TableCell({
              width: { size: widths[index]!, type: WidthType.DXA },
              children: [new Paragraph({ spacing: CELL_LINE, keepNext: true, children: [new TextRun({ text, bold: true })] })],
            }),
        ),
      }),
      ...block.rows.map(
        (row, rowIndex) =>
          new TableRow({
            cantSplit: true,
            children: row.map(
              (cell, index) =>
                new TableCell({
                  width: { size: widths[index]!, type: WidthType.DXA },
                  children: [new Paragraph({ spacing: CELL_LINE, keepNext: keepRow(rowIndex), children: textRuns(cell) })],
                }),
            ),
          }),
      ),
    ],
  });
};

/** Side-by-side columns as a borderless layout table (Word's usual way for letterheads). */
const renderColumns = (block: ColumnsBlock, { keepNext = false }: { keepNext?: boolean } = {}): Table => {
  const widths = widthsFor(block.columns.map(() => 1), CONTENT_WIDTH);
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: block.columns.map(
          (column, index) =>
            new TableCell({
              width: { size: widths[index]!, type: WidthType.DXA },
              // The label and the lines (an empty cell still holds a paragraph).
              children: [...(column.label ? [[{ text: column.label, bold: true }]] : []), ...column.lines.map((line) => [{ text: line }]), ...(column.label || column.lines.length > 0 ? [] : [[]])].map(
                (runs: Runs) => new Paragraph({ spacing: { after: 0 }, keepNext, children: textRuns(runs) }),
              ),
            }),
        ),
      }),
    ],
  });
};

/** The logo on the left, "Datum" and the date on the right, in a borderless layout table. */
const renderLetterhead = (block: LetterheadBlock): Table => {
  const dateWidth = 3200;
  const logo = block.logo;
  const size = logo ? logoSize(logo) : null;
  const cell = (width: number, children: Paragraph[]) => new TableCell({ width: { size: width, type: WidthType.DXA }, margins: { left: 0, right: 0 }, children });
  // The PDF's block: the logo or the two lines of the date, whichever is taller, and 4 pt (then the spacer's 7).
  const height = Math.round((Math.max(size?.height ?? 0, (lineSpacing(22).line / 20) * 2) + 4) * 20);
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [CONTENT_WIDTH - dateWidth, dateWidth],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        height: { value: height, rule: HeightRule.EXACT },
        children: [
          cell(CONTENT_WIDTH - dateWidth, [
            new Paragraph({
              spacing: { after: 0 },
              children:
                logo && size
                  ? [
                      new ImageRun({
                        type: "png",
                        data: logo.png,
                        transformation: { width: pixels(size.width), height: pixels(size.height) },
                        altText: { name: "Logotyp", title: "Logotyp", description: logo.description },
                      }),
                    ]
                  : [],
            }),
          ]),
          cell(dateWidth, [
            new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 0 }, children: [new TextRun({ text: block.date.label, bold: true })] }),
            new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 0 }, children: [new TextRun(block.date.value)] }),
          ]),
        ],
      }),
    ],
  });
};

const renderAttestation = async (block: AttestationBlock): Promise<(Paragraph | Table)[]> => {
  const qr = await QRCode.toBuffer(block.verificationUrl, { type: "png", errorCorrectionLevel: "M", margin: 2, scale: 4 });
  const tableWidth = CONTENT_WIDTH - 2000;
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(block.heading)] }),
    new Paragraph({ keepNext: true, children: [new TextRun(block.intro)] }),
    new Table({
      width: { size: CONTENT_WIDTH, type: WidthType.DXA },
      columnWidths: [tableWidth, CONTENT_WIDTH - tableWidth],
      layout: TableLayoutType.FIXED,
      borders: NO_BORDERS,
      rows: [
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: tableWidth, type: WidthType.DXA },
              children: [
                renderTable({ kind: "table", summary: "Attesterat av", header: ["Namn", "Datum"], rows: block.rows.map((row) => [[{ text: row.name }], [{ text: row.date }]]), widths: [3, 1] }, tableWidth - 200),
                spacer(7),
              ],
            }),
            new TableCell({
              width: { size: CONTENT_WIDTH - tableWidth, type: WidthType.DXA },
              children: [
                new Paragraph({
                  alignment: AlignmentType.RIGHT,
                  children: [
                    new ImageRun({
                      type: "png",
                      data: qr,
                      // Square, the PDF's 88 pt.
                      transformation: { width: pixels(88), height: pixels(88) },
                      altText: { name: "QR-kod", title: "QR-kod", description: `QR-kod som leder till verifieringssidan ${block.verificationUrl}` },
                    }),
                  ],
                }),
              ],
            }),
          ],
        }),
      ],
    }),
    new Paragraph({
      style: "Note",
      children: textRuns([{ text: "Verifieringskod: " }, { text: block.verificationCode, bold: true }, { text: ". Kontrollera dokumentet på " }, { text: block.verificationUrl, href: block.verificationUrl }]),
    }),
  ];
};

const runningHeader = (document: ExportDocument): Header => {
  const header = document.runningHeader;
  const right = { type: TabStopType.RIGHT, position: CONTENT_WIDTH };
  const small = 17;
  // The PDF's header lines, 12 pt apart.
  const headerLine = { after: 0, line: 240, lineRule: LineRuleType.EXACT };
  return new Header({
    children: [
      ...(document.draft ? [new Paragraph({ children: [new TextWatermark({ text: "UTKAST", font: FONT, color: "D9D9D9", opacity: 1, layout: "diagonal" })] })] : []),
      new Paragraph({
        tabStops: [right],
        spacing: headerLine,
        children: [new TextRun({ text: header.organisation, bold: true, size: small }), new TextRun({ text: `\t${header.documentType}`, bold: true, size: small })],
      }),
      new Paragraph({
        tabStops: [right],
        spacing: headerLine,
        children: [new TextRun({ text: header.unit ?? "", size: small }), new TextRun({ text: `\t${header.reference}`, size: small })],
      }),
      new Paragraph({
        tabStops: [right],
        spacing: headerLine,
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule, space: 4 } },
        children: [new TextRun({ children: ["\tSida ", PageNumber.CURRENT, " (", PageNumber.TOTAL_PAGES, ")"], size: small })],
      }),
    ],
  });
};

type Compiler = { compile: (file: Document, prettify: undefined, overrides: never[]) => Iterable<[string, string | Uint8Array]> };

/**
 * The package's parts, uncompressed. `Packer.toBuffer` would deflate them in JavaScript
 * only for `normaliseDocx` to inflate and deflate them again — a third of a render.
 * `Packer.compiler` is the package's own (undocumented) step before zipping; if a future
 * version drops it, fall back to the public API.
 */
const packageParts = async (doc: Document): Promise<ZipEntry[]> => {
  const compiler = (Packer as unknown as { compiler?: Compiler }).compiler;
  if (typeof compiler?.compile !== "function") return readZip(await Packer.toBuffer(doc));
  return [...compiler.compile(doc, undefined, [])].map(([name, data]) => ({ name, data: typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data) }));
};

export const renderDocx = async (document: ExportDocument): Promise<Buffer> => {
  const context: ListContext = { counter: { value: 0 } };
  const children = (await Promise.all(document.blocks.map((block) => renderBlock(block, context)))).flat();
  const level = (ilvl: number, text: string, format: (typeof LevelFormat)[keyof typeof LevelFormat], indent: number) => ({
    level: ilvl,
    format,
    text,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: indent * (ilvl + 1), hanging: indent } } },
  });
  const doc = new Document({
    title: document.meta.title,
    subject: document.meta.subject,
    creator: document.meta.author,
    lastModifiedBy: document.meta.author,
    description: document.meta.subject,
    features: { updateFields: false },
    styles: {
      default: {
        // Sizes and the space around headings are the PDF's (pdf.ts SIZE, renderBlock). Word
        // and LibreOffice put the larger of "after" and the next "before" between two
        // paragraphs, the PDF both: a heading's "before" includes the 7 pt after a paragraph.
        document: { run: { font: FONT, size: 22, color: COLOR.text, language: { value: document.meta.language } }, paragraph: { spacing: { after: 140, ...lineSpacing(22) } } },
        title: { run: { font: FONT, size: 40, bold: true } },
        heading1: { run: { font: FONT, size: 40, bold: true, color: COLOR.text }, paragraph: { spacing: { before: 220, after: 40, ...lineSpacing(40) }, keepNext: true, keepLines: true } },
        heading2: { run: { font: FONT, size: 27, bold: true, color: COLOR.text }, paragraph: { spacing: { before: 340, after: 60, ...lineSpacing(27) }, keepNext: true, keepLines: true } },
        heading3: { run: { font: FONT, size: 24, bold: true, color: COLOR.text }, paragraph: { spacing: { before: 260, after: 60, ...lineSpacing(24) }, keepNext: true, keepLines: true } },
        heading4: { run: { font: FONT, size: 22, bold: true, italics: true, color: COLOR.text }, paragraph: { spacing: { before: 260, after: 60, ...lineSpacing(22) }, keepNext: true, keepLines: true } },
        hyperlink: { run: { color: COLOR.link, underline: {} } },
      },
      paragraphStyles: [
        // The PDF's 13 pt after a subtitle: 6 before it and a paragraph's 7 after it, so that a heading's "before" still adds up.
        { id: "Subtitle", name: "Subtitle", basedOn: "Normal", next: "Normal", quickFormat: true, run: { size: 24 }, paragraph: { spacing: { before: 120, after: 140, ...lineSpacing(24) } } },
        { id: "Note", name: "Note", basedOn: "Normal", next: "Normal", quickFormat: true, run: { size: 19, color: COLOR.muted }, paragraph: { spacing: lineSpacing(19) } },
      ],
    },
    numbering: {
      config: [
        { reference: "bullets", levels: [0, 1, 2].map((ilvl) => level(ilvl, ["•", "–", "◦"][ilvl]!, LevelFormat.BULLET, 360)) },
        { reference: "numbered", levels: [0, 1, 2].map((ilvl) => level(ilvl, `%${ilvl + 1}.`, LevelFormat.DECIMAL, 400)) },
        // The decision-point list: the literal word "att" as the label, as in Swedish proposals.
        { reference: "att", levels: [0, 1, 2].map((ilvl) => level(ilvl, "att", NO_NUMBER, 520)) },
        // Bilagor: "Bilaga 1", "Bilaga 2" … as labels.
        { reference: "attachments", levels: [0, 1, 2].map((ilvl) => level(ilvl, `Bilaga %${ilvl + 1}`, LevelFormat.DECIMAL, 1120)) },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.left, right: MARGIN.right, header: MARGIN.header },
          },
        },
        headers: { default: runningHeader(document) },
        children,
      },
    ],
  });
  return normaliseDocx(embedFonts(await packageParts(doc)), { createdAt: document.meta.createdAt, language: document.meta.language });
};
