// ExportDocument → DOCX (WordprocessingML) with the `docx` package. Real Word styles
// (Title, Heading1/2/3 — "Rubrik 1/2" in Swedish Word), real numbering for lists, a
// table for the attestation, page header with "Sida n (N)" fields, Word's own watermark
// for drafts, and core properties. `normaliseDocx` then makes the package deterministic.
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
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
import type { AttestationBlock, Block, ColumnsBlock, ExportDocument, ListBlock, Runs, TableBlock } from "../document-model";
import type { ZipEntry } from "../zip";
import { normaliseDocx } from "./docx-normalise";

// Word units: sizes in half-points, lengths in twentieths of a point (twips).
const FONT = "Arial"; // Installed everywhere Word runs; the PDF embeds Source Sans 3 instead.
const PAGE = { width: 11906, height: 16838 }; // A4
const MARGIN = { top: 1701, bottom: 1134, left: 1418, right: 1418, header: 567 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const COLOR = { text: "1A1A1A", muted: "555555", link: "0B4F8A", rule: "9A9A9A" };

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

const listReference = (marker: ListBlock["marker"]): string => (marker === "att" ? "att" : marker === "number" ? "numbered" : "bullets");

const renderBlock = async (block: Block, context: ListContext, level = 0): Promise<(Paragraph | Table)[]> => {
  switch (block.kind) {
    case "heading":
      return [new Paragraph({ heading: HEADING_LEVEL[block.level], children: textRuns(block.runs), keepNext: true })];
    case "paragraph":
      return [
        new Paragraph({
          style: block.style === "subtitle" ? "Subtitle" : block.style === "note" ? "Note" : undefined,
          children: textRuns(block.runs),
        }),
      ];
    case "list":
      return renderList(block, context, level);
    case "quote":
      return (await Promise.all(block.blocks.map((child) => renderBlock(child, context, level)))).flat();
    case "table":
      return [renderTable(block, CONTENT_WIDTH), new Paragraph({ children: [] })];
    case "columns":
      return [renderColumns(block)];
    case "attestation":
      return renderAttestation(block);
  }
};

const renderList = async (block: ListBlock, context: ListContext, level: number): Promise<(Paragraph | Table)[]> => {
  // Every numbered list restarts at its own instance; the counter keeps ids deterministic.
  context.counter.value += 1;
  const instance = context.counter.value;
  const out: (Paragraph | Table)[] = [];
  for (const item of block.items) {
    for (const [index, child] of item.entries()) {
      if (index === 0 && child.kind === "paragraph") {
        out.push(
          new Paragraph({
            numbering: { reference: listReference(block.marker), level: Math.min(level, 2), instance: block.marker === "number" ? instance : 0 },
            children: textRuns(child.runs),
          }),
        );
      } else if (child.kind === "paragraph") {
        out.push(new Paragraph({ indent: { left: 360 * (level + 1) + 360 }, children: textRuns(child.runs) }));
      } else {
        out.push(...(await renderBlock(child, context, level + 1)));
      }
    }
  }
  return out;
};

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

const renderTable = (block: TableBlock, width: number): Table => {
  const widths = widthsFor(block.widths ?? block.header.map(() => 1), width);
  const rule = { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule };
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { ...NO_BORDERS, bottom: rule, insideHorizontal: rule },
    rows: [
      new TableRow({
        tableHeader: true,
        children: block.header.map(
          (text, index) =>
            new TableCell({
              width: { size: widths[index]!, type: WidthType.DXA },
              children: [new Paragraph({ children: [new TextRun({ text, bold: true })] })],
            }),
        ),
      }),
      ...block.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map(
              (cell, index) => new TableCell({ width: { size: widths[index]!, type: WidthType.DXA }, children: [new Paragraph({ children: textRuns(cell) })] }),
            ),
          }),
      ),
    ],
  });
};

/** Side-by-side columns as a borderless layout table (Word's usual way for letterheads). */
const renderColumns = (block: ColumnsBlock): Table => {
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
              children: [
                ...(column.label ? [new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text: column.label, bold: true })] })] : []),
                ...column.lines.map((line) => new Paragraph({ spacing: { after: 0 }, children: [new TextRun(line)] })),
                new Paragraph({ children: [] }),
              ],
            }),
        ),
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
                new Paragraph({ children: [] }),
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
                      transformation: { width: 110, height: 110 },
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
  return new Header({
    children: [
      ...(document.draft ? [new Paragraph({ children: [new TextWatermark({ text: "UTKAST", font: FONT, color: "D9D9D9", opacity: 1, layout: "diagonal" })] })] : []),
      new Paragraph({
        tabStops: [right],
        spacing: { after: 0 },
        children: [new TextRun({ text: header.organisation, bold: true, size: small }), new TextRun({ text: `\t${header.documentType}`, bold: true, size: small })],
      }),
      new Paragraph({
        tabStops: [right],
        spacing: { after: 0 },
        children: [new TextRun({ text: header.unit ?? "", size: small }), new TextRun({ text: `\t${header.reference}`, size: small })],
      }),
      new Paragraph({
        tabStops: [right],
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
const packageParts = async (doc: Document): Promise<ZipEntry[] | Buffer> => {
  const compiler = (Packer as unknown as { compiler?: Compiler }).compiler;
  if (typeof compiler?.compile !== "function") return Packer.toBuffer(doc);
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
        document: { run: { font: FONT, size: 22, color: COLOR.text, language: { value: document.meta.language } }, paragraph: { spacing: { after: 140, line: 264 } } },
        title: { run: { font: FONT, size: 40, bold: true } },
        heading1: { run: { font: FONT, size: 36, bold: true, color: COLOR.text }, paragraph: { spacing: { before: 120, after: 80 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: COLOR.text }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
        heading3: { run: { font: FONT, size: 23, bold: true, color: COLOR.text }, paragraph: { spacing: { before: 160, after: 60 }, keepNext: true } },
        heading4: { run: { font: FONT, size: 22, bold: true, italics: true, color: COLOR.text }, paragraph: { spacing: { before: 120, after: 60 }, keepNext: true } },
        hyperlink: { run: { color: COLOR.link, underline: {} } },
      },
      paragraphStyles: [
        { id: "Subtitle", name: "Subtitle", basedOn: "Normal", next: "Normal", quickFormat: true, run: { size: 24 }, paragraph: { spacing: { after: 280 } } },
        { id: "Note", name: "Note", basedOn: "Normal", next: "Normal", quickFormat: true, run: { size: 19, color: COLOR.muted } },
      ],
    },
    numbering: {
      config: [
        { reference: "bullets", levels: [0, 1, 2].map((ilvl) => level(ilvl, ["•", "–", "◦"][ilvl]!, LevelFormat.BULLET, 360)) },
        { reference: "numbered", levels: [0, 1, 2].map((ilvl) => level(ilvl, `%${ilvl + 1}.`, LevelFormat.DECIMAL, 400)) },
        // The decision-point list: the literal word "att" as the label, as in Swedish proposals.
        { reference: "att", levels: [0, 1, 2].map((ilvl) => level(ilvl, "att", LevelFormat.BULLET, 520)) },
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
  return normaliseDocx(await packageParts(doc), { createdAt: document.meta.createdAt, language: document.meta.language });
};
