// ExportDocument → PDF/A-2b, tagged (H1/H2…, P, L/LI/Lbl/LBody, Table/TR/TH/TD, Figure),
// with embedded subsets of Source Sans 3. Runs on the server with PDFKit alone: no browser.
//
// Invariants that the tests check:
// - no transparency, no JavaScript, every font embedded (PDF/A-2b);
// - equal documents give equal bytes: the creation date and the file identifier come
//   from the document's metadata, never from the clock or a random source;
// - everything that is not content (running header, page numbers, watermark, rules, a
//   table's header repeated on a new page) is marked as an artifact, so screen readers
//   read the document text once, in order;
// - pagination as a secretariat sets it (see renderFlow): a heading never ends a page, it
//   keeps with the first three lines of what follows or all of it when that is kept whole
//   (short att-lists, signatures, the justering); a paragraph never leaves fewer than two
//   lines behind or carries fewer than three to the next page.
import { createHash } from "node:crypto";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { logoSize, runsToText, type AttestationBlock, type Block, type ColumnsBlock, type ExportDocument, type LetterheadBlock, type ListBlock, type Runs, type TableBlock } from "../document-model";
import { loadFonts, resetGlyphCache, type FontName } from "./fonts";

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 108, bottom: 64, left: 72, right: 72 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

const COLOR = { text: "#1a1a1a", muted: "#555555", link: "#0b4f8a", rule: "#9a9a9a", watermark: "#e3e3e3" };
const SIZE = { body: 11, note: 9.5, subtitle: 12, h1: 20, h2: 13.5, h3: 12, h4: 11, header: 8.5 };
const LINE_GAP = 2.2;
const PARAGRAPH_SPACING = 7;

// PDFKit keeps the current text state in fields its typings do not expose.
type DocInternals = {
  _font: unknown;
  _fontSize: number;
  _fontSource: unknown;
  _fontFamily: unknown;
  _textOptions: unknown;
  _wrapper: unknown;
  _id: Buffer;
  _addInfo: () => void;
  info: PDFKit.DocumentInfo;
};
const internals = (doc: Doc): DocInternals => doc as unknown as DocInternals;

const setFont = (doc: Doc, name: FontName, size: number): Doc => doc.font(name).fontSize(size);

const fontFor = (format: { bold?: boolean; italic?: boolean }): FontName =>
  format.bold && format.italic ? "boldItalic" : format.bold ? "bold" : format.italic ? "italic" : "regular";

const escapeXml = (value: string): string =>
  value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[char]!);

/**
 * Renders synchronously from start to `end()` (no awaits in between): the fonts are
 * shared by the process and their glyph caches are reset per document, so two renders
 * must never interleave.
 */
export const renderPdf = async (document: ExportDocument): Promise<Buffer> => {
  const fonts = loadFonts();
  resetGlyphCache(fonts);
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: MARGIN,
    pdfVersion: "1.7",
    subset: "PDF/A-2b",
    tagged: true,
    lang: document.meta.language,
    displayTitle: true,
    bufferPages: true,
    autoFirstPage: false,
    // A registered WOFF as the initial font keeps PDFKit from loading Helvetica, which
    // PDF/A forbids (not embedded).
    font: fonts.regular as unknown as string,
    info: {
      Title: document.meta.title,
      Author: document.meta.author,
      Subject: document.meta.subject,
      Creator: "Yttra",
      Producer: "Yttra (PDFKit)",
      CreationDate: document.meta.createdAt,
      ModDate: document.meta.createdAt,
    },
  });
  for (const [name, data] of Object.entries(fonts)) doc.registerFont(name, data as unknown as string);

  // Determinism: PDFKit derives /ID from an MD5 over the info dictionary (stable) but
  // the identifier should name the content, so take it from the content hash.
  internals(doc)._id = createHash("md5").update(document.meta.identifier).digest();

  // PDFKit interpolates Title/Author/Subject into the XMP packet unescaped; an "&" in a
  // title would make the metadata invalid XML. Escape for the XMP only.
  const originalAddInfo = internals(doc)._addInfo.bind(doc);
  internals(doc)._addInfo = () => {
    const info = internals(doc).info;
    const plain = { ...info };
    internals(doc).info = {
      ...info,
      ...(info.Title ? { Title: escapeXml(info.Title) } : {}),
      ...(info.Author ? { Author: escapeXml(info.Author) } : {}),
      ...(info.Subject ? { Subject: escapeXml(info.Subject) } : {}),
    };
    originalAddInfo();
    internals(doc).info = plain;
  };

  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });

  if (document.draft) doc.on("pageAdded", () => drawWatermark(doc));
  doc.addPage();

  const root = doc.struct("Document", { title: document.meta.title, lang: document.meta.language });
  doc.addStructure(root);
  renderFlow(doc, root, document.blocks, { x: MARGIN.left, width: CONTENT_WIDTH });
  root.end();

  drawRunningHeaders(doc, document);
  doc.end();
  await finished;
  return Buffer.concat(chunks);
};

// ─── Page furniture ─────────────────────────────────────────────────────────

/** Text drawn as an artifact, outside the flow: state saved and restored around it. */
const withArtifact = (doc: Doc, type: "Pagination" | "Layout", draw: () => void): void => {
  const state = internals(doc);
  const saved = { x: doc.x, y: doc.y, font: state._font, size: state._fontSize, source: state._fontSource, family: state._fontFamily, options: state._textOptions, wrapper: state._wrapper };
  state._textOptions = null;
  state._wrapper = null;
  doc.save();
  doc.markContent("Artifact", { type });
  draw();
  doc.endMarkedContent();
  doc.restore();
  Object.assign(doc, { x: saved.x, y: saved.y });
  state._font = saved.font;
  state._fontSize = saved.size;
  state._fontSource = saved.source;
  state._fontFamily = saved.family;
  state._textOptions = saved.options;
  state._wrapper = saved.wrapper;
};

/** Drawn when a page starts, so that the content is painted over it (no transparency needed). */
const drawWatermark = (doc: Doc): void =>
  withArtifact(doc, "Layout", () => {
    const text = "UTKAST";
    setFont(doc, "semibold", 120).fillColor(COLOR.watermark);
    const width = doc.widthOfString(text);
    const height = doc.currentLineHeight();
    const cx = PAGE.width / 2;
    const cy = PAGE.height / 2;
    doc.rotate(-52, { origin: [cx, cy] });
    doc.text(text, cx - width / 2, cy - height / 2, { lineBreak: false });
  });

const drawRunningHeaders = (doc: Doc, document: ExportDocument): void => {
  const { start, count } = doc.bufferedPageRange();
  const header = document.runningHeader;
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    withArtifact(doc, "Pagination", () => {
      const top = 44;
      const right = PAGE.width - MARGIN.right;
      const rightWidth = 170;
      doc.fillColor(COLOR.text);
      setFont(doc, "semibold", SIZE.header);
      doc.text(header.organisation, MARGIN.left, top, { lineBreak: false });
      if (header.unit) setFont(doc, "regular", SIZE.header).text(header.unit, MARGIN.left, top + 12, { lineBreak: false });
      const lines: [FontName, string][] = [
        ["semibold", header.documentType],
        ["regular", header.reference],
        ["regular", `Sida ${index - start + 1} (${count})`],
      ];
      lines.forEach(([font, text], line) => {
        setFont(doc, font, SIZE.header).text(text, right - rightWidth, top + line * 12, { width: rightWidth, align: "right", lineBreak: false });
      });
      doc.moveTo(MARGIN.left, top + 42).lineTo(right, top + 42).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
    });
  }
};

// ─── Flow ───────────────────────────────────────────────────────────────────

type Frame = { x: number; width: number };

const bottom = (): number => PAGE.height - MARGIN.bottom;

/** The height a page offers the flow. */
const PAGE_BODY = PAGE.height - MARGIN.top - MARGIN.bottom;

/** Starts a new page unless `height` still fits (nothing to gain on a page that has only just begun). Returns whether it did. */
const ensureSpace = (doc: Doc, height: number): boolean => {
  if (doc.y + height > bottom() && doc.y > MARGIN.top + 1) {
    doc.addPage();
    return true;
  }
  return false;
};

/** An att-list or a table up to this height is kept whole on one page (a long list keeps each point whole, a long table breaks between rows). */
const KEEP_WHOLE_LIST = PAGE_BODY * 0.4;
const HEADING_SPACE: Record<1 | 2 | 3 | 4, { before: number; after: number; size: number }> = {
  1: { before: 4, after: 2, size: SIZE.h1 },
  2: { before: 10, after: 3, size: SIZE.h2 },
  3: { before: 6, after: 3, size: SIZE.h3 },
  4: { before: 6, after: 3, size: SIZE.h4 },
};
const PARAGRAPH_SIZE = { normal: SIZE.body, subtitle: SIZE.subtitle, note: SIZE.note } as const;
const paragraphSpacing = (style: keyof typeof PARAGRAPH_SIZE): number => (style === "subtitle" ? PARAGRAPH_SPACING + 6 : PARAGRAPH_SPACING);
const lineHeight = (doc: Doc, size: number): number => setFont(doc, "regular", size).heightOfString("X", { lineGap: LINE_GAP });

/** Height of runs set in `width` (a line of mixed runs measured in the font of its majority). */
const runsHeight = (doc: Doc, runs: Runs, width: number, size: number, baseFont: FontName = "regular"): number =>
  splitLines(runs).reduce((sum, line) => {
    const text = runsToText(line) || " ";
    const bold = line.filter((part) => part.bold).reduce((count, part) => count + part.text.length, 0) * 2 > text.length;
    return sum + setFont(doc, bold ? "bold" : baseFont, size).heightOfString(text, { width, lineGap: LINE_GAP });
  }, 0);

/**
 * How tall a block is, and its lead: what must stand on a page together with a heading
 * before it — the whole block if it is never split, else its first three lines.
 */
type Extent = { height: number; lead: number };

const measure = (doc: Doc, block: Block, width: number): Extent => {
  switch (block.kind) {
    case "heading": {
      const space = HEADING_SPACE[block.level];
      const height = space.before + runsHeight(doc, block.runs, width, space.size, "semibold") + space.after;
      return { height, lead: height };
    }
    case "paragraph": {
      const style = block.style ?? "normal";
      const size = PARAGRAPH_SIZE[style];
      const height = runsHeight(doc, block.runs, width, size) + paragraphSpacing(style);
      return { height, lead: Math.min(height, 3 * lineHeight(doc, size)) };
    }
    case "list": {
      const indent = LIST_INDENT[block.marker];
      const items = block.items.map((item) => measureFlow(doc, item, width - indent));
      const height = items.reduce((sum, item) => sum + item.height, 0);
      return { height, lead: keepListWhole(block, height) ? height : (items[0]?.height ?? 0) };
    }
    case "quote":
      return measureFlow(doc, block.blocks, width - 18);
    case "table": {
      const rows = tableRowHeights(doc, block, width);
      const height = rows.reduce((sum, row) => sum + row, 0) + PARAGRAPH_SPACING;
      return { height, lead: height - PARAGRAPH_SPACING <= KEEP_WHOLE_LIST ? height : rows.slice(0, 4).reduce((sum, row) => sum + row, 0) };
    }
    case "columns": {
      const height = columnsHeight(doc, block, width);
      return { height, lead: height };
    }
    case "attestation": {
      const height = attestationHeight(block);
      return { height, lead: height };
    }
    case "letterhead": {
      // As renderLetterhead sets it: the logo beside the two-line date.
      const height = Math.max(block.logo ? logoSize(block.logo).height : 0, 2 * lineHeight(doc, SIZE.body)) + PARAGRAPH_SPACING + 4;
      return { height, lead: height };
    }
  }
};

/** A sequence of blocks: its height, and its lead (the keep-with-next chain at its start). */
const measureFlow = (doc: Doc, blocks: Block[], width: number): Extent => {
  const extents = blocks.map((block) => measure(doc, block, width));
  return { height: extents.reduce((sum, extent) => sum + extent.height, 0), lead: chainLead(blocks, extents, 0) };
};

const keepsWithNext = (block: Block): boolean => block.kind === "heading" || block.keepWithNext === true;

/** Height of the blocks from `start` that must share its page: every keep-with-next block and the lead of the one after. */
const chainLead = (blocks: Block[], extents: Extent[], start: number): number => {
  let total = 0;
  for (let index = start; index < blocks.length; index += 1) {
    if (!keepsWithNext(blocks[index]!) || index === blocks.length - 1) return total + extents[index]!.lead;
    total += extents[index]!.height;
  }
  return total;
};

/**
 * Renders blocks in order, starting a new page before a keep-with-next chain that would not
 * fit with the lead of the block that ends it. A chain taller than a page is set as it comes.
 */
const renderFlow = (doc: Doc, parent: Struct, blocks: Block[], frame: Frame): void => {
  const extents = blocks.map((block) => measure(doc, block, frame.width));
  let chained = false;
  blocks.forEach((block, index) => {
    if (block.pageBreakBefore && doc.y > MARGIN.top + 1) doc.addPage();
    if (!chained && keepsWithNext(block)) {
      const lead = chainLead(blocks, extents, index);
      if (lead <= PAGE_BODY) ensureSpace(doc, lead);
    }
    chained = keepsWithNext(block);
    renderBlock(doc, parent, block, frame, extents[index]!);
  });
};

/** Splits runs at "\n" into lines of runs (PDFKit drops a newline at the end of a continued run). */
const splitLines = (runs: Runs): Runs[] => {
  const lines: Runs[] = [[]];
  for (const part of runs) {
    part.text.split("\n").forEach((piece, index) => {
      if (index > 0) lines.push([]);
      if (piece.length > 0) lines[lines.length - 1]!.push({ ...part, text: piece });
    });
  }
  return lines;
};

/** Writes runs as one paragraph at the frame; must be called inside a structure closure. */
const writeRuns = (doc: Doc, runs: Runs, frame: Frame, size: number, options: { align?: "left" | "right"; color?: string; baseFont?: FontName } = {}): void => {
  for (const line of splitLines(runs)) {
    const parts = line.length > 0 ? line : [{ text: " " }];
    parts.forEach((part, index) => {
      const font = options.baseFont && !part.bold && !part.italic ? options.baseFont : fontFor(part);
      setFont(doc, font, size).fillColor(part.href ? COLOR.link : (options.color ?? COLOR.text));
      const textOptions = {
        width: frame.width,
        lineGap: LINE_GAP,
        continued: index < parts.length - 1,
        link: part.href,
        underline: Boolean(part.href),
        align: options.align ?? "left",
      } as PDFKit.Mixins.TextOptions;
      if (index === 0) doc.text(part.text, frame.x, doc.y, textOptions);
      else doc.text(part.text, textOptions);
    });
  }
};

const leaf = (doc: Doc, parent: Struct, tag: string, draw: () => void): void => {
  parent.add(doc.struct(tag, {}, draw));
};

/** Widows and orphans: a paragraph split across pages leaves at least two lines and carries at least three. */
const MIN_LINES_BEFORE_BREAK = 2;
const MIN_LINES_AFTER_BREAK = 3;

const renderBlock = (doc: Doc, parent: Struct, block: Block, frame: Frame, extent: Extent = measure(doc, block, frame.width)): void => {
  switch (block.kind) {
    case "heading": {
      const space = HEADING_SPACE[block.level];
      // Its own height at least (the flow has already kept it with what follows).
      ensureSpace(doc, extent.height);
      doc.y += space.before;
      leaf(doc, parent, `H${block.level}`, () => writeRuns(doc, block.runs, frame, space.size, { baseFont: "semibold" }));
      doc.y += space.after;
      return;
    }
    case "paragraph": {
      const style = block.style ?? "normal";
      const size = PARAGRAPH_SIZE[style];
      const line = lineHeight(doc, size);
      const lines = Math.round((extent.height - paragraphSpacing(style)) / line);
      const fitting = Math.floor((bottom() - doc.y) / line);
      if (fitting < lines && (fitting < MIN_LINES_BEFORE_BREAK || lines - fitting < MIN_LINES_AFTER_BREAK)) ensureSpace(doc, Math.min(extent.height, PAGE_BODY));
      leaf(doc, parent, "P", () => writeRuns(doc, block.runs, frame, size, { color: style === "note" ? COLOR.muted : undefined }));
      doc.y += paragraphSpacing(style);
      return;
    }
    case "list":
      if (keepListWhole(block, extent.height)) ensureSpace(doc, extent.height);
      return renderList(doc, parent, block, frame);
    case "quote": {
      const quote = doc.struct("BlockQuote");
      parent.add(quote);
      renderFlow(doc, quote, block.blocks, { x: frame.x + 18, width: frame.width - 18 });
      quote.end();
      return;
    }
    case "table":
      renderTable(doc, parent, block, frame);
      return;
    case "columns":
      renderColumns(doc, parent, block, frame);
      return;
    case "attestation":
      renderAttestation(doc, parent, block, frame);
      return;
    case "letterhead":
      renderLetterhead(doc, parent, block, frame);
      return;
  }
};

const listLabel = (block: ListBlock, index: number): string => {
  const number = (block.start ?? 1) + index;
  return block.marker === "att" ? "att" : block.marker === "number" ? `${number}.` : block.marker === "attachment" ? `Bilaga ${number}` : "•";
};

const LIST_INDENT: Record<ListBlock["marker"], number> = { att: 26, number: 20, bullet: 14, attachment: 56 };

/** The decision points of a § read as one: a short att-list is never split. */
const keepListWhole = (block: ListBlock, height: number): boolean => block.marker === "att" && height <= KEEP_WHOLE_LIST;

const renderList = (doc: Doc, parent: Struct, block: ListBlock, frame: Frame): void => {
  const indent = LIST_INDENT[block.marker];
  const list = doc.struct("L");
  parent.add(list);
  for (const [index, item] of block.items.entries()) {
    // Each item whole when it fits a page, else its first lines with its label.
    const extent = measureFlow(doc, item, frame.width - indent);
    ensureSpace(doc, Math.min(block.marker === "att" ? extent.height : extent.lead, PAGE_BODY));
    const item_ = doc.struct("LI");
    list.add(item_);
    const top = doc.y;
    leaf(doc, item_, "Lbl", () => {
      setFont(doc, "regular", SIZE.body).fillColor(COLOR.text);
      doc.text(listLabel(block, index), frame.x, top, { width: indent, lineBreak: false });
    });
    doc.y = top;
    const body = doc.struct("LBody");
    item_.add(body);
    renderFlow(doc, body, item, { x: frame.x + indent, width: frame.width - indent });
    body.end();
    item_.end();
  }
  list.end();
};

const COLUMN_GAP = 24;
const columnWidth = (block: ColumnsBlock, width: number): number => (width - COLUMN_GAP * (block.columns.length - 1)) / Math.max(block.columns.length, 1);
const columnRuns = (column: ColumnsBlock["columns"][number]): Runs => [...(column.label ? [{ text: `${column.label}\n`, bold: true }] : []), { text: column.lines.join("\n") }];
const columnsHeight = (doc: Doc, block: ColumnsBlock, width: number): number =>
  Math.max(0, ...block.columns.map((column) => runsHeight(doc, columnRuns(column), columnWidth(block, width), SIZE.body))) + PARAGRAPH_SPACING + 4;

const renderColumns = (doc: Doc, parent: Struct, block: ColumnsBlock, frame: Frame): void => {
  const gap = COLUMN_GAP;
  const width = columnWidth(block, frame.width);
  ensureSpace(doc, columnsHeight(doc, block, frame.width));
  const top = doc.y;
  let lowest = top;
  block.columns.forEach((column, index) => {
    doc.y = top;
    const columnFrame = { x: frame.x + index * (width + gap), width };
    // One paragraph per column: label and lines read together ("Handläggare Clas Cederlid …").
    leaf(doc, parent, "P", () => writeRuns(doc, columnRuns(column), columnFrame, SIZE.body));
    lowest = Math.max(lowest, doc.y);
  });
  doc.y = lowest + PARAGRAPH_SPACING + 4;
};

const tableColumnWidths = (block: TableBlock, width: number): number[] => {
  const weights = block.widths ?? block.header.map(() => 1);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => (width * weight) / total);
};

const TABLE_PADDING = 4;

type TableRow = { header: boolean; cells: Runs[] };

const tableRows = (block: TableBlock): TableRow[] => [
  { header: true, cells: block.header.map((text) => [{ text, bold: true }]) },
  ...block.rows.map((cells) => ({ header: false, cells })),
];

const rowHeight = (doc: Doc, row: TableRow, widths: number[]): number => {
  setFont(doc, row.header ? "bold" : "regular", SIZE.body);
  return Math.max(...row.cells.map((cell, index) => doc.heightOfString(runsToText(cell) || " ", { width: widths[index]! - 2 * TABLE_PADDING, lineGap: LINE_GAP }))) + 2 * TABLE_PADDING;
};

/** Header first, then each row. */
const tableRowHeights = (doc: Doc, block: TableBlock, width: number): number[] => {
  const widths = tableColumnWidths(block, width);
  return tableRows(block).map((row) => rowHeight(doc, row, widths));
};

/** One row's cells and its rule; `cell` wraps each cell's drawing (in its TH/TD, or nothing inside an artifact). */
const drawRow = (doc: Doc, row: TableRow, widths: number[], frame: Frame, height: number, cell: (index: number, draw: () => void) => void, inArtifact = false): void => {
  const top = doc.y;
  let x = frame.x;
  row.cells.forEach((runs, index) => {
    const cellWidth = widths[index]!;
    const cellX = x;
    cell(index, () => {
      doc.y = top + TABLE_PADDING;
      writeRuns(doc, runs, { x: cellX + TABLE_PADDING, width: cellWidth - 2 * TABLE_PADDING }, SIZE.body);
    });
    x += cellWidth;
  });
  doc.y = top + height;
  const rule = () => {
    doc.lineWidth(row.header ? 0.9 : 0.5).strokeColor(COLOR.rule);
    doc.moveTo(frame.x, top + height).lineTo(frame.x + frame.width, top + height).stroke();
  };
  if (inArtifact) rule();
  else withArtifact(doc, "Layout", rule);
};

const renderTable = (doc: Doc, parent: Struct, block: TableBlock, frame: Frame): void => {
  const widths = tableColumnWidths(block, frame.width);
  const table = doc.struct("Table", { title: block.summary });
  parent.add(table);
  const rows = tableRows(block);
  const heights = rows.map((row) => rowHeight(doc, row, widths));
  const [header, ...body] = rows;
  // A short table is kept whole (a roll call); a long one starts with its header and at least three rows.
  const total = heights.reduce((sum, height) => sum + height, 0);
  ensureSpace(doc, total <= KEEP_WHOLE_LIST ? total : heights.slice(0, 4).reduce((sum, height) => sum + height, 0));
  const tag = (tr: Struct, row: TableRow) => (index: number, draw: () => void) =>
    tr.add(doc.struct(row.header ? "TH" : "TD", row.header ? ({ scope: "Column" } as PDFKit.Mixins.StructureElementOptions) : {}, draw));
  const headerRow = doc.struct("TR");
  table.add(headerRow);
  drawRow(doc, header!, widths, frame, heights[0]!, tag(headerRow, header!));
  headerRow.end();
  body.forEach((row, index) => {
    // A table that breaks repeats its header on the new page, as an artifact (read once).
    if (ensureSpace(doc, heights[index + 1]!)) {
      const top = doc.y;
      withArtifact(doc, "Pagination", () => drawRow(doc, header!, widths, frame, heights[0]!, (_, draw) => draw(), true));
      doc.y = top + heights[0]!;
    }
    const tr = doc.struct("TR");
    table.add(tr);
    drawRow(doc, row, widths, frame, heights[index + 1]!, tag(tr, row));
    tr.end();
  });
  table.end();
  doc.y += PARAGRAPH_SPACING;
};

const renderLetterhead = (doc: Doc, parent: Struct, block: LetterheadBlock, frame: Frame): void => {
  const top = doc.y;
  let bottomOfLogo = top;
  const logo = block.logo;
  if (logo) {
    const { width, height } = logoSize(logo);
    parent.add(doc.struct("Figure", { alt: logo.description }, () => doc.image(logo.png, frame.x, top, { width, height })));
    bottomOfLogo = top + height;
  }
  const dateWidth = 160;
  doc.y = top;
  leaf(doc, parent, "P", () =>
    writeRuns(doc, [{ text: `${block.date.label}\n`, bold: true }, { text: block.date.value }], { x: frame.x + frame.width - dateWidth, width: dateWidth }, SIZE.body, { align: "right" }),
  );
  doc.y = Math.max(doc.y, bottomOfLogo) + PARAGRAPH_SPACING + 4;
};

const drawQr = (doc: Doc, url: string, x: number, y: number, size: number): void => {
  const qr = QRCode.create(url, { errorCorrectionLevel: "M" });
  const count = qr.modules.size;
  const quiet = 2;
  const cell = size / (count + 2 * quiet);
  doc.fillColor("#000000");
  for (let row = 0; row < count; row += 1) {
    for (let column = 0; column < count; column += 1) {
      if (qr.modules.get(row, column)) doc.rect(x + (column + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill();
};

const QR_SIZE = 88;
/** The block is one unit of proof, never split across pages: this much is reserved for it. */
const attestationHeight = (block: AttestationBlock): number => 10 + SIZE.h2 * 1.4 + 24 + (SIZE.body * 1.4 + 8) * (block.rows.length + 1) + 60;

const renderAttestation = (doc: Doc, parent: Struct, block: AttestationBlock, frame: Frame): void => {
  const qrSize = QR_SIZE;
  ensureSpace(doc, attestationHeight(block));
  const section = doc.struct("Sect");
  parent.add(section);
  renderBlock(doc, section, { kind: "heading", level: 2, runs: [{ text: block.heading }] }, frame);
  renderBlock(doc, section, { kind: "paragraph", runs: [{ text: block.intro }] }, frame);
  const tableTop = doc.y;
  const tableWidth = frame.width - qrSize - 24;
  renderTable(
    doc,
    section,
    { kind: "table", summary: "Attesterat av", header: ["Namn", "Datum"], rows: block.rows.map((row) => [[{ text: row.name }], [{ text: row.date }]]), widths: [3, 1] },
    { x: frame.x, width: tableWidth },
  );
  const afterTable = doc.y;
  section.add(
    doc.struct("Figure", { alt: `QR-kod som leder till verifieringssidan ${block.verificationUrl}` }, () =>
      drawQr(doc, block.verificationUrl, frame.x + frame.width - qrSize, tableTop - 6, qrSize),
    ),
  );
  doc.y = Math.max(afterTable, tableTop - 6 + qrSize + 4);
  renderBlock(
    doc,
    section,
    {
      kind: "paragraph",
      style: "note",
      runs: [{ text: "Verifieringskod: " }, { text: block.verificationCode, bold: true }, { text: ". Kontrollera dokumentet på " }, { text: block.verificationUrl, href: block.verificationUrl }],
    },
    frame,
  );
  section.end();
};
