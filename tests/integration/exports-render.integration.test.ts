// The exported tjänsteutlåtande as a reader, a screen reader and an archive see it: the
// reference statement rendered to PDF/A and DOCX, read back with poppler and our own ZIP
// reader. No database: the renderers only see the document model.
//
// UPDATE_BASELINES=1 rewrites the page images in tests/fixtures/exports/ (review the PNG
// previews written next to them before committing).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderDocx } from "@/features/exports/render/docx";
import { renderPdf } from "@/features/exports/render/pdf";
import { logoImage } from "@/features/exports/server/letterhead-logo";
import { AttestationMismatchError, statementFileName, statementToDocument } from "@/features/exports/statement-document";
import sharp from "sharp";
import { readZip } from "@/features/exports/zip";
import {
  assertWellFormedXml,
  compareWithBaselines,
  docxPart,
  docxParagraphs,
  parsePgm,
  pdfFonts,
  pdfInfo,
  pdfPages,
  pdfText,
  positionsInOrder,
} from "../fixtures/exports/inspect";
import { REFERENCE_HASH, REFERENCE_HEADINGS, referenceExportInput } from "../fixtures/exports/reference-statement";

const BASELINE_DIR = path.resolve(import.meta.dirname, "../fixtures/exports");

const attested = statementToDocument(referenceExportInput());
const draft = statementToDocument(referenceExportInput({ attestation: null }));
const pdf = await renderPdf(attested);
const draftPdf = await renderPdf(draft);
const docx = await renderDocx(attested);
const draftDocx = await renderDocx(draft);
const text = pdfText(pdf);

describe("PDF of the reference tjänsteutlåtande", () => {
  it("prints every heading of the reference in the reference's order", () => {
    const positions = positionsInOrder(text, REFERENCE_HEADINGS);
    expect(positions.every((position) => position >= 0), `missing heading in:\n${text}`).toBe(true);
  });

  it("prints the header block, the subtitle, the signatures and the attachment list", () => {
    const flat = text.replace(/\s+/g, " ");
    // pdftotext -layout reads the two header columns line by line, so check each column.
    expect(positionsInOrder(flat, ["Handläggare", "Clas Cederlid", "Telefon: 08-50823326"])).not.toContain(-1);
    expect(positionsInOrder(flat, ["Till", "Hägersten-Älvsjö stadsdelsnämnd", "2024-04-25"])).not.toContain(-1);
    const positions = positionsInOrder(flat, [
      "Yttrande till kommunstyrelsen",
      "Lee Orberson",
      "stadsdelsdirektör",
      "Bilagor",
      "Remissunderlag Motion Stoppa de öppna drogscenerna",
    ]);
    expect(positions).not.toContain(-1);
  });

  it("prints the attestation block with names, titles and dates and the verification code", () => {
    const block = text.slice(text.indexOf("Attesterat av")).replace(/[ \t]+/g, " ");
    expect(block).toContain("Detta dokument har godkänts digitalt av följande personer:");
    expect(block).toMatch(/Namn Datum/);
    expect(block).toMatch(/Lee Orberson, stadsdelsdirektör 2024-04-09/);
    expect(block).toMatch(/Linda Palo, avdelningschef 2024-04-09/);
    expect(block).toContain("K7QM-4XPD-9TRA");
  });

  it("carries the case number and page numbers in the running header of every page", () => {
    const pages = text.split("\f").filter((page) => page.trim() !== "");
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, index) => {
      expect(page).toContain("Dnr HÄS 2024/123");
      expect(page).toContain(`Sida ${index + 1} (${pages.length})`);
      expect(page).toContain("Hägersten-Älvsjö stadsdelsförvaltning");
    });
    expect(text).toContain("Sida 1 (");
  });

  it("keeps Swedish letters and typography intact (å ä ö é – §)", () => {
    for (const word of ["Förvaltningens", "Ärendets", "Hägersten-Älvsjö", "Andréa", "– motion från (M)", "länets", "ökar"]) expect(text).toContain(word);
    expect(text).not.toMatch(/\uFFFD/);
  });

  it("declares PDF/A-2b in XMP, with title, author and language", () => {
    const raw = pdf.toString("latin1");
    expect(raw).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(raw).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(raw).toMatch(/\/Lang \(sv-SE\)/);
    const info = pdfInfo(pdf);
    expect(info).toMatch(/Title:\s+Stoppa de öppna drogscenerna – motion från \(M\)/);
    expect(info).toMatch(/Author:\s+Hägersten-Älvsjö stadsdelsförvaltning/);
    expect(info).toMatch(/Tagged:\s+yes/);
  });

  it("embeds every font and has no JavaScript or transparency groups", () => {
    const fonts = pdfFonts(pdf)
      .split("\n")
      .slice(2)
      .filter((line) => line.trim() !== "");
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const line of fonts) expect(line).toMatch(/SourceSans3.*\byes\s+yes\s+yes\b/);
    for (const document of [pdf, draftPdf]) {
      const raw = document.toString("latin1");
      expect(raw).not.toMatch(/\/JavaScript\b/);
      expect(raw).not.toMatch(/\/JS\b/);
      expect(raw).not.toMatch(/\/S\s*\/Transparency/);
    }
  });

  it("is tagged for screen readers: headings, paragraphs, lists and the attestation table", () => {
    const raw = pdf.toString("latin1");
    expect(raw).toContain("/StructTreeRoot");
    for (const tag of ["H1", "H2", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "Figure"]) expect(raw).toMatch(new RegExp(`/S /${tag}\\b`));
  });

  it("renders the same content to the same bytes", async () => {
    expect((await renderPdf(statementToDocument(referenceExportInput()))).equals(pdf)).toBe(true);
    // The file identifier names the content, not the moment of rendering.
    const id = createHash("md5").update(REFERENCE_HASH).digest("hex");
    expect(pdf.toString("latin1").toLowerCase()).toContain(`/id [<${id}> <${id}>]`);
  });

  it("renders the same bytes whatever was rendered before in the process (fonts are shared)", async () => {
    // Italic "kap." after documents with other italic text: the text layer must keep the period.
    const masked = statementToDocument(referenceExportInput({ mask: { case: "26 kap. 1 § OSL", documents: new Map() }, variant: "public" }));
    const first = await renderPdf(masked);
    await renderPdf(draft);
    await renderPdf(attested);
    const again = await renderPdf(masked);
    expect(again.equals(first)).toBe(true);
    expect(pdfText(again, { layout: false })).toContain("Sekretess enligt 26 kap. 1 § OSL");
  });

  it("marks a draft UTKAST on every page and leaves out the attestation block", () => {
    // pdftotext cannot read the rotated watermark (it is an artifact, too), so look at the
    // pages: the watermark's flat grey (#e3e3e3 = 227) covers over 1 % of every draft page.
    const watermarkShare = (document: Buffer): number[] =>
      pdfPages(document, 50)
        .map(parsePgm)
        .map((page) => page.pixels.filter((value) => value === 227).length / page.pixels.length);
    for (const share of watermarkShare(draftPdf)) expect(share).toBeGreaterThan(0.01);
    for (const share of watermarkShare(pdf)) expect(share).toBeLessThan(0.002);
    expect(draftPdf.toString("latin1")).toContain("(utkast)");
    expect(pdfText(draftPdf)).not.toContain("Attesterat av");
  });

  it("looks like the baseline rendering of the reference (pixel tolerance)", () => {
    expect(compareWithBaselines(pdf, BASELINE_DIR, "reference", { dpi: 50, tolerance: 0.005 })).toEqual([]);
  });
});

describe("DOCX of the reference tjänsteutlåtande", () => {
  const documentXml = docxPart(docx, "word/document.xml");
  const paragraphs = docxParagraphs(documentXml);

  it("uses Word's heading styles for the title and the section headings, in the reference's order", () => {
    const headings = [...documentXml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="(Heading\d)"\/>[\s\S]*?<\/w:p>/g)].map((match) => ({
      style: match[1],
      text: docxParagraphs(match[0])[0],
    }));
    expect(headings).toEqual(REFERENCE_HEADINGS.map((heading, index) => ({ style: index === 0 ? "Heading1" : "Heading2", text: heading })));
  });

  it("contains the header block, the bulleted att-sats as a real list and the attestation table", () => {
    expect(positionsInOrder(paragraphs.join("\n"), ["Handläggare", "Clas Cederlid", "Telefon: 08-50823326", "Till", "2024-04-25"])).not.toContain(-1);
    expect(documentXml).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr><\/w:pPr><w:r><w:t xml:space="preserve">Stockholms stad utreder/);
    expect(documentXml).toContain("<w:tblHeader/>");
    expect(paragraphs).toEqual(expect.arrayContaining(["Lee Orberson, stadsdelsdirektör", "Linda Palo, avdelningschef", "2024-04-09", "Namn", "Datum"]));
    expect(paragraphs.join("\n")).toContain("K7QM-4XPD-9TRA");
    expect(documentXml).toMatch(/<w:i\/>[\s\S]{0,80}Lag \(2023:196\) om kommuners ansvar för brottsförebyggande arbete/);
  });

  it("has the case number and Sida n (N) fields in the page header", () => {
    const header = docxPart(docx, "word/header1.xml");
    expect(header).toContain("Dnr HÄS 2024/123");
    expect(header).toContain("Sida ");
    expect(header).toMatch(/PAGE/);
    expect(header).toMatch(/NUMPAGES/);
  });

  it("sets title, creator, dates and language sv-SE in the core properties", () => {
    const core = docxPart(docx, "docProps/core.xml");
    expect(core).toContain("<dc:title>Stoppa de öppna drogscenerna – motion från (M)</dc:title>");
    expect(core).toContain("<dc:creator>Hägersten-Älvsjö stadsdelsförvaltning</dc:creator>");
    expect(core).toContain("<dc:language>sv-SE</dc:language>");
    expect(core).toMatch(/<dcterms:created[^>]*>2024-04-08T13:12:00Z</);
    expect(docxPart(docx, "word/styles.xml")).toMatch(/w:lang w:val="sv-SE"/);
  });

  it("is a well-formed package: every XML part parses and every relationship target exists", () => {
    const entries = readZip(docx);
    const names = new Set(entries.map((entry) => entry.name));
    for (const entry of entries.filter((candidate) => /\.(xml|rels)$/.test(candidate.name))) assertWellFormedXml(entry.data.toString("utf8"));
    const rels = docxPart(docx, "word/_rels/document.xml.rels");
    for (const match of rels.matchAll(/Target="([^"]+)"(?! TargetMode="External")/g)) expect(names.has(`word/${match[1]}`), match[1]).toBe(true);
    expect(entries[0]!.name).toBe("[Content_Types].xml");
    // unzip from Debian agrees the archive is intact, when it is installed.
    try {
      execFileSync("unzip", ["-v"], { stdio: "ignore" });
    } catch {
      return;
    }
    const tmp = path.join(BASELINE_DIR, "..", "..", "..", "test-results");
    mkdirSync(tmp, { recursive: true });
    const file = path.join(tmp, "exports-reference.docx");
    writeFileSync(file, docx);
    expect(execFileSync("unzip", ["-tq", file], { encoding: "utf8" })).toMatch(/No errors detected/);
  });

  it("renders the same content to the same bytes (fixed dates and ids)", async () => {
    expect((await renderDocx(statementToDocument(referenceExportInput()))).equals(docx)).toBe(true);
    expect((await renderDocx(draft)).equals(draftDocx)).toBe(true);
  });

  it("puts Word's UTKAST watermark in the header of a draft only", () => {
    expect(docxPart(draftDocx, "word/header1.xml")).toMatch(/PowerPlusWaterMarkObject[\s\S]*string="UTKAST"/);
    expect(docxPart(docx, "word/header1.xml")).not.toContain("UTKAST");
    expect(docxParagraphs(docxPart(draftDocx, "word/document.xml")).join("\n")).not.toContain("Attesterat av");
  });
});

describe("statement → document mapping", () => {
  it("refuses to put an attestation block on content whose hash differs from the attested hash", () => {
    const input = referenceExportInput();
    expect(() => statementToDocument({ ...input, contentHash: "0".repeat(64) })).toThrow(AttestationMismatchError);
  });

  it("masks a confidential case's text in the public variant but not in the internal one", async () => {
    const mask = { case: "26 kap. 1 § OSL", documents: new Map<string, string>() };
    // Without -layout: poppler's layout mode drops the period of an italic "kap.".
    const publicDocument = statementToDocument(referenceExportInput({ mask, variant: "public" }));
    const publicText = pdfText(await renderPdf(publicDocument), { layout: false });
    expect(publicText).toContain("Sekretess enligt 26 kap. 1 § OSL");
    expect(publicText).not.toContain("Andréa Hedin (M) har skrivit en motion");
    expect(publicText).not.toContain("Remissunderlag Motion Stoppa");
    // Neither the title nor the beslutspunkter: the public diarium shows neither.
    expect(publicText).not.toContain("Stoppa de öppna drogscenerna");
    expect(publicText).not.toContain("överlämnar det till kommunstyrelsen");
    expect(publicDocument.meta.title).toBe("Sekretessmarkerat ärende");
    // Structure stays readable: the section headings and the attestation remain.
    expect(positionsInOrder(publicText, ["Sekretessmarkerat ärende", ...REFERENCE_HEADINGS.slice(1)])).not.toContain(-1);

    const internal = statementToDocument(referenceExportInput({ variant: "internal" }));
    const internalParagraphs = docxParagraphs(docxPart(await renderDocx(internal), "word/document.xml")).join("\n");
    expect(internalParagraphs).toContain("Andréa Hedin (M) har skrivit en motion");
    expect(internalParagraphs).not.toContain("Sekretess enligt");
  });

  it("prints several decision points as an att-list", async () => {
    const base = referenceExportInput();
    const content = { ...base.content, decisionPoints: [{ text: "godkänna förvaltningens tjänsteutlåtande" }, { text: "överlämna det till kommunstyrelsen" }] };
    const document = statementToDocument({ ...base, content });
    const pdfLines = pdfText(await renderPdf(document)).replace(/[ \t]+/g, " ");
    expect(pdfLines).toMatch(/att godkänna förvaltningens tjänsteutlåtande\s*\n\s*att överlämna det till kommunstyrelsen/);
    const numbering = docxPart(await renderDocx(document), "word/numbering.xml");
    expect(numbering).toContain('<w:lvlText w:val="att"/>');
  });

  it("names the file in Swedish with the case number and title, marking drafts", () => {
    expect(statementFileName({ caseNumber: "HÄS 2024/123", title: "Stoppa de öppna drogscenerna – motion från (M)", draft: false, variant: "internal", format: "pdf" })).toBe(
      "Tjänsteutlåtande HÄS 2024-123 Stoppa de öppna drogscenerna – motion från (M).pdf",
    );
    expect(statementFileName({ caseNumber: "HÄS 2024/123", title: 'a/b\\c:"d"\u202e', draft: true, variant: "public", format: "docx" })).toBe(
      "Tjänsteutlåtande HÄS 2024-123 a-b-c--d- (utkast, offentlig version).docx",
    );
  });
});

describe("letterhead, Datum and Bilagor of the tjänsteutlåtande", () => {
  const svg = readFileSync(path.resolve(import.meta.dirname, "../fixtures/exports/logo.svg"));
  const withAttachments = (input = referenceExportInput()) => ({
    ...input,
    content: {
      ...input.content,
      attachments: [
        { documentId: "00000000-0000-4000-8000-000000000001", number: "HÄS 2024/123-1", description: "Remissunderlag" },
        { documentId: "00000000-0000-4000-8000-000000000002", number: "HÄS 2024/123-2", description: "Motion från (M)" },
      ],
    },
  });

  it("prints the statement's own date labelled Datum, and the meeting date labelled, in PDF and DOCX", () => {
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Datum 2024-04-08");
    expect(flat).toContain("Sammanträde 2024-04-25");
    expect(flat).not.toMatch(/stadsdelsnämnd 2024-04-25/);
    const paragraphs = docxParagraphs(docxPart(docx, "word/document.xml"));
    expect(positionsInOrder(paragraphs.join("\n"), ["Datum", "2024-04-08", "Handläggare", "Till", "Sammanträde 2024-04-25"])).not.toContain(-1);
  });

  it("numbers the Bilagor Bilaga 1, Bilaga 2 in the PDF and with a Word numbering in the DOCX", async () => {
    const document = statementToDocument(withAttachments());
    expect(pdfText(await renderPdf(document)).replace(/[ \t]+/g, " ")).toMatch(/Bilagor\s*\n\s*Bilaga 1 Remissunderlag\s*\n\s*Bilaga 2 Motion från \(M\)/);
    const rendered = await renderDocx(document);
    expect(docxPart(rendered, "word/numbering.xml")).toContain('<w:numFmt w:val="decimal"/><w:lvlText w:val="Bilaga %1"/>');
    const documentXml = docxPart(rendered, "word/document.xml");
    for (const description of ["Remissunderlag", "Motion från (M)"]) {
      expect(documentXml).toMatch(new RegExp(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="\\d+"/></w:numPr>[\\s\\S]{0,200}<w:t xml:space="preserve">${description.replace(/[()]/g, "\\$&")}</w:t>`));
    }
  });

  it("draws the municipality's logo, from SVG or PNG, in its aspect ratio and without transparency, in PDF and DOCX", async () => {
    // The SVG three times as wide as tall; the PNG the same drawing with an alpha channel.
    const png = await sharp(svg).ensureAlpha().png().toBuffer();
    for (const [bytes, mimeType] of [
      [svg, "image/svg+xml"],
      [png, "image/png"],
    ] as const) {
      const logo = await logoImage(bytes, mimeType, "Logotyp för Testkommun");
      expect(logo.width / logo.height, mimeType).toBeCloseTo(3, 1);
      expect((await sharp(logo.png).metadata()).channels, mimeType).toBe(3);
      const document = statementToDocument({ ...referenceExportInput(), logo });
      const pdfWithLogo = await renderPdf(document);
      const images = execFileSync("pdfimages", ["-list", "-"], { input: pdfWithLogo, encoding: "utf8" }).split("\n").slice(2).filter(Boolean).map((line) => line.trim().split(/\s+/));
      expect(images.map((columns) => columns[2]), mimeType).toEqual(["image"]);
      const [, , , width, height, , , , , , , , xPpi, yPpi] = images[0]!;
      expect(Number(width) / Number(height)).toBeCloseTo(3, 1);
      expect(xPpi).toBe(yPpi);
      expect(pdfWithLogo.toString("latin1")).not.toMatch(/\/SMask\b/);
      const docxWithLogo = await renderDocx(document);
      const extent = docxPart(docxWithLogo, "word/document.xml").match(/<wp:extent cx="(\d+)" cy="(\d+)"\/><wp:effectExtent[^>]*\/><wp:docPr id="\d+" name="Logotyp" descr="Logotyp för Testkommun"/);
      expect(extent, mimeType).not.toBeNull();
      expect(Number(extent![1]) / Number(extent![2])).toBeCloseTo(3, 1);
    }
  });
});
