// The worker's text extraction: real PDF (pdfkit) and DOCX (docx) files become searchable,
// each once with its audit event; a damaged file is recorded as failed instead of retried forever.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { strToU8, zipSync } from "fflate";
import PDFDocument from "pdfkit";
import { beforeAll, describe, expect, it } from "vitest";
import { addCaseDocument } from "@/features/documents/server/add-document";
import { extractFileText, findFilesToExtract } from "@/features/documents/server/extract-file-text";
import { PASSAGE_LENGTH } from "@/lib/passages";
import { HIT_END, HIT_START } from "@/lib/snippet";
import { extractText } from "@/server/text-extraction";
import { searchCases } from "@/features/search/server/search";
import { FILE_TYPES } from "@/lib/file-type";
import type { Actor } from "@/server/auth/actor";
import { configureJobProducer } from "@/server/jobs";
import { createTestDatabase } from "../support/database";
import { waitFor } from "../support/wait-for";
import { actorFor, createCase, setupOrganisation } from "./statements-fixtures";

const { db, url } = await createTestDatabase();

let registrar: Actor;
let caseId: string;
let documentId: string;

/** A PDF of `lines` on its first page, then `pages` more (by default one about trygghetsvandringar). */
const renderPdf = (lines: string[], pages: string[][] = [["Sida två: trygghetsvandringarna i Hägerstensåsen."]]): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const pdf = new PDFDocument();
    const chunks: Buffer[] = [];
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
    for (const line of lines) pdf.text(line);
    for (const page of pages) {
      pdf.addPage();
      for (const line of page) pdf.text(line);
    }
    pdf.end();
  });

const passagesOfFile = async (id: string) =>
  (await db.caseDocumentFile.findUniqueOrThrow({ where: { id }, select: { passages: { orderBy: { ordinal: "asc" }, select: { page: true, text: true } } } })).passages;

const renderDocx = (paragraphs: string[]): Promise<Buffer> =>
  Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text), new TextRun({ text: " & fotnot", bold: true })] })) }] }));

const addFile = async (bytes: Uint8Array, mimeType: string, fileName: string) => {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await db.blob.upsert({ where: { sha256 }, create: { sha256, size: bytes.length, mimeType, data: Uint8Array.from(bytes) }, update: {} });
  return db.caseDocumentFile.create({ data: { documentId, blobSha256: sha256, fileName, mimeType, size: bytes.length }, select: { id: true } });
};

beforeAll(async () => {
  await setupOrganisation(db);
  registrar = await actorFor(db, "registrator");
  const created = await createCase(db, { title: "Remiss om stadsdelens arbete" });
  caseId = created.caseId;
  documentId = created.documentIds[0]!;
});

describe("text extraction", () => {
  it("makes a PDF's text searchable, once, with its audit event", async () => {
    const { id } = await addFile(await renderPdf(["Förvaltningen har kartlagt kvällsfritidsverksamheten för unga."]), FILE_TYPES.PDF.mimeType, "kartlaggning.pdf");
    expect(await findFilesToExtract()).toContain(id);
    expect(await extractFileText(id)).toBe("extracted");
    expect(await passagesOfFile(id)).toEqual([
      { page: 1, text: "Förvaltningen har kartlagt kvällsfritidsverksamheten för unga." },
      { page: 2, text: "Sida två: trygghetsvandringarna i Hägerstensåsen." },
    ]);
    expect(await findFilesToExtract()).not.toContain(id);
    expect(await extractFileText(id)).toBe("done");
    const events = await db.auditEvent.findMany({ where: { action: "document.text_extracted", entityId: documentId } });
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ fileId: id });
    // The history is shown to everyone who reads the case: a (possibly secret) file name stays out.
    expect(JSON.stringify(events[0]!.data)).not.toContain("kartlaggning");

    const { results } = await searchCases({ actor: registrar, params: { q: "kvällsfritidsverksamhet" } });
    expect(results.find((result) => result.caseId === caseId)).toMatchObject({ source: "FILE" });
    expect((await searchCases({ actor: registrar, params: { q: "trygghetsvandring" } })).results.find((result) => result.caseId === caseId)).toMatchObject({
      source: "FILE",
      sourceLabel: expect.stringMatching(/ – kartlaggning\.pdf, s\. 2$/),
    });
  });

  it("finds a word on page 38 of a long report and quotes it from that page, not from the whole report", async () => {
    const filler = (page: number) => Array.from({ length: 8 }, (_, line) => `Sidan ${page}, stycke ${line + 1}: budgetramen för förskolan och skolan fördelas per elev och år enligt nämndens riktlinjer.`);
    const pages = Array.from({ length: 39 }, (_, index) => [...filler(index + 2), ...(index + 2 === 38 ? ["Här beskrivs även naturreservatsförvaltningen."] : [])]);
    const { id } = await addFile(await renderPdf(filler(1), pages), FILE_TYPES.PDF.mimeType, "budget.pdf");
    expect(await extractFileText(id)).toBe("extracted");
    const passages = await passagesOfFile(id);
    expect(passages.map((passage) => passage.page)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
    expect(passages.every((passage) => passage.text.length <= PASSAGE_LENGTH)).toBe(true);

    const hit = (await searchCases({ actor: registrar, params: { q: "naturreservatsförvaltning" } })).results.find((result) => result.caseId === caseId);
    expect(hit).toMatchObject({ source: "FILE", sourceLabel: expect.stringMatching(/ – budget\.pdf, s\. 38$/) });
    expect(hit!.snippet).toContain(`${HIT_START}naturreservatsförvaltningen${HIT_END}`);
    expect(hit!.snippet).not.toContain("Sidan 37");
  });

  it("makes a DOCX's text searchable, entities decoded", async () => {
    const { id } = await addFile(await renderDocx(["Synpunkter på parklekarnas öppettider", "Andra stycket om skolgårdarna"]), FILE_TYPES.DOCX.mimeType, "synpunkter.docx");
    expect(await extractFileText(id)).toBe("extracted");
    expect(await passagesOfFile(id)).toEqual([{ page: null, text: "Synpunkter på parklekarnas öppettider & fotnot\nAndra stycket om skolgårdarna & fotnot" }]);
    const { results } = await searchCases({ actor: registrar, params: { q: "parklek öppettid" } });
    expect(results.find((result) => result.caseId === caseId)?.snippet).toContain("parklekarnas");
  });

  it("drops control characters, so a file cannot fake the snippets' hit marks", async () => {
    // Word never writes them; a hand-made file can (the extractor reads the XML as it is).
    const xml = `<w:document><w:body><w:p><w:r><w:t>Före${HIT_START}falsk träff${HIT_END}efter\u0007</w:t></w:r></w:p></w:body></w:document>`;
    const docx = zipSync({ "word/document.xml": strToU8(xml) });
    expect(await extractText(docx, FILE_TYPES.DOCX.mimeType)).toEqual([{ page: null, text: "Förefalsk träffefter" }]);
  });

  it("records a damaged file as failed, once, and leaves other kinds alone", async () => {
    const { id } = await addFile(new TextEncoder().encode("%PDF-1.7 trasig fil"), FILE_TYPES.PDF.mimeType, "trasig.pdf");
    expect(await extractFileText(id)).toBe("failed");
    expect(await findFilesToExtract()).not.toContain(id);
    expect(await db.auditEvent.count({ where: { action: "document.text_failed", entityId: documentId } })).toBe(1);
    const png = await addFile(new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), FILE_TYPES.PNG.mimeType, "bild.png");
    expect(await findFilesToExtract()).not.toContain(png.id);
    expect(await extractFileText(png.id)).toBe("done");
  });
});

describe("the worker", () => {
  /** The file's text, or null while it is not extracted. */
  const extracted = async (documentId: string) => {
    const file = await db.caseDocumentFile.findFirstOrThrow({ where: { documentId }, select: { textExtractedAt: true, passages: { orderBy: { ordinal: "asc" }, select: { text: true } } } });
    return file.textExtractedAt && file.passages.map((passage) => passage.text).join("\n");
  };
  const upload = async (description: string, line: string) =>
    addCaseDocument({
      actor: registrar,
      caseId,
      input: { direction: "INCOMING", documentDate: "2024-02-12", counterpart: "Kommunstyrelsen", description },
      files: [{ name: `${description}.pdf`, bytes: await renderPdf([line]) }],
    });

  it("extracts an upload's text: by its sweep when no job was enqueued, and from the job enqueued after the upload's commit", async () => {
    // Without a producer nothing is enqueued: only the worker's sweep at start finds the file.
    const swept = await upload("Bilaga A", "Bilagan handlar om lekplatsupprustningen.");
    const worker = spawn("npx", ["tsx", "--conditions=react-server", "scripts/worker.ts"], {
      // No sweep after the one at start: what comes later arrives only through its job.
      env: { ...process.env, DATABASE_URL: url, YTTRA_WORKER_SWEEP_SECONDS: "3600" },
      stdio: "ignore",
      detached: true,
    });
    try {
      await waitFor(async () => (await extracted(swept.id)) !== null);
      expect(await extracted(swept.id)).toContain("lekplatsupprustningen");
      configureJobProducer(url);
      const queued = await upload("Bilaga B", "Bilagan handlar om vinterväghållningen.");
      await waitFor(async () => (await extracted(queued.id)) !== null);
      const { results } = await searchCases({ actor: registrar, params: { q: "vinterväghållning" } });
      expect(results.find((result) => result.caseId === caseId)).toMatchObject({ source: "FILE" });
    } finally {
      process.kill(-worker.pid!, "SIGKILL");
      configureJobProducer(null);
    }
  });
});
