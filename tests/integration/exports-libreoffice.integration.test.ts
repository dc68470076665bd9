// Every exported DOCX opened by another word processor: LibreOffice (Debian's
// libreoffice-writer-nogui) converts the reference tjänsteutlåtande and each document of the
// demo meeting to PDF, and what it prints is compared with our own PDF export of the same
// document — the same words in the same order (so an att-list reads "att …", not a bullet
// with "a") and the same number of pages (the DOCX carries the PDF's typeface, page and
// line heights); every image keeps its aspect ratio (the QR code square, the logo).
// One soffice run converts all files, with a private profile so it never meets a
// user's LibreOffice. Without soffice the test fails, unless YTTRA_SKIP_LIBREOFFICE=1.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderDocx } from "@/features/exports/render/docx";
import { renderPdf } from "@/features/exports/render/pdf";
import { exportAgenda, exportExtract, exportMinutes } from "@/features/exports/server/meeting-export";
import { exportStatement } from "@/features/exports/server/statement-export";
import { statementToDocument } from "@/features/exports/statement-document";
import { ZUpdateMunicipalitySchema } from "@/features/admin/schemas";
import { updateMunicipalitySettings } from "@/features/admin/server/municipality-service";
import { loadActor, type Actor } from "@/server/auth/actor";
import { parseInput } from "@/server/validation";
import { seedDemoInstallation } from "../../scripts/seed/demo";
import { REFERENCE_CASE_ID } from "../../scripts/seed/demo-cases";
import { DEMO_MEETING_2024_ID } from "../../scripts/seed/demo-meetings";
import { createTestDatabase } from "../support/database";
import { referenceExportInput } from "../fixtures/exports/reference-statement";

const skip = process.env.YTTRA_SKIP_LIBREOFFICE === "1";
const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" });
if (!skip && soffice.status !== 0) {
  throw new Error(
    "LibreOffice (soffice) is missing: the DOCX exports are checked by converting them with it. " +
      "Install Debian's libreoffice-writer-nogui (.ci/run does), or set YTTRA_SKIP_LIBREOFFICE=1 to skip these tests knowingly.",
  );
}

const { db } = await createTestDatabase();
await seedDemoInstallation({ nodeEnv: "test", force: false });

const actorFor = async (username: string): Promise<Actor> => {
  const user = await db.user.findUniqueOrThrow({ where: { username } });
  return (await loadActor({ userId: user.id, sessionVersion: user.sessionVersion, authTime: Math.floor(Date.now() / 1000) }))!;
};

type Pair = { name: string; pdf: Buffer; docx: Buffer };

/** Both formats of each document, as the export routes give them. */
const exportedPairs = async (): Promise<Pair[]> => {
  const secretary = await actorFor("sekreterare");
  const officer = await actorFor("clas.cederlid");
  const statement = await db.statement.findFirstOrThrow({ where: { caseId: REFERENCE_CASE_ID } });
  // The municipality's logo on the tjänsteutlåtande, uploaded as its administrator does (SVG, three times as wide as tall).
  const { updatedAt, name } = await db.municipality.findUniqueOrThrow({ where: { id: "stockholm" } });
  const svg = readFileSync(path.resolve(import.meta.dirname, "../fixtures/exports/logo.svg"));
  await updateMunicipalitySettings({
    actor: await actorFor("admin"),
    input: parseInput(ZUpdateMunicipalitySchema, { municipalityId: "stockholm", updatedAt: updatedAt.toISOString(), name, removeLogo: false, logo: new File([svg], "logga.svg", { type: "image/svg+xml" }) }),
  });
  const minutes = await db.minutes.findUniqueOrThrow({ where: { meetingId: DEMO_MEETING_2024_ID } });
  const decision = await db.decision.findFirstOrThrow({ where: { agendaItem: { caseId: REFERENCE_CASE_ID } } });
  const both = async (name: string, exportAs: (format: "pdf" | "docx") => Promise<{ bytes: Buffer }>): Promise<Pair> => ({
    name,
    pdf: (await exportAs("pdf")).bytes,
    docx: (await exportAs("docx")).bytes,
  });
  // The reference with a proposal of att-satser (its own is one sentence). Attested: the
  // diagonal UTKAST of a draft is text in our PDF, which pdftotext reads into the lines it crosses.
  const attInput = referenceExportInput();
  const attDocument = statementToDocument({
    ...attInput,
    content: { ...attInput.content, decisionPoints: [{ text: "godkänna förvaltningens tjänsteutlåtande" }, { text: "överlämna det till kommunstyrelsen" }] },
  });
  return [
    await both("tjansteutlatande", (format) => exportStatement({ actor: officer, statementId: statement.id, format })),
    { name: "tjansteutlatande-att", pdf: await renderPdf(attDocument), docx: await renderDocx(attDocument) },
    await both("foredragningslista", (format) => exportAgenda({ actor: secretary, id: DEMO_MEETING_2024_ID, format })),
    await both("protokoll", (format) => exportMinutes({ actor: secretary, id: minutes.id, format })),
    await both("protokollsutdrag", (format) => exportExtract({ actor: secretary, id: decision.id, format })),
  ];
};

const dir = mkdtempSync(path.join(tmpdir(), "yttra-libreoffice-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Converted = Pair & { libreOffice: Buffer };
let converted: Converted[] = [];

beforeAll(async () => {
  if (skip) return;
  const pairs = await exportedPairs();
  const input = path.join(dir, "docx");
  const output = path.join(dir, "pdf");
  mkdirSync(input);
  for (const pair of pairs) writeFileSync(path.join(input, `${pair.name}.docx`), pair.docx);
  // One process for every file; a private profile (first start of a profile is the slow part).
  execFileSync(
    "soffice",
    [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", output, ...pairs.map((pair) => path.join(input, `${pair.name}.docx`))],
    { stdio: "pipe", timeout: 120_000 },
  );
  converted = pairs.map((pair) => ({ ...pair, libreOffice: readFileSync(path.join(output, `${pair.name}.pdf`)) }));
}, 180_000);

const withFile = <T>(pdf: Buffer, read: (file: string) => T): T => {
  const file = path.join(dir, `read-${process.hrtime.bigint()}.pdf`);
  writeFileSync(file, pdf);
  try {
    return read(file);
  } finally {
    rmSync(file);
  }
};

/**
 * What a reader reads, line by line as laid out (pdftotext -layout: in its reading-order mode
 * it would drop the hyphen of a word broken at one): each page's running header (down to
 * "Sida n (N)"), and the words of the text, across pages — a line that one renderer puts
 * at the foot of a page and the other at the top of the next is still the same text.
 * Two renderers may break a line at different opportunities — LibreOffice after the "-"
 * of a verification code, PDFKit after its "/" — so a word ending in "-" or "/" is read
 * together with the next one.
 */
const readingOf = (pdf: Buffer): { headers: string[]; words: string[] } => {
  const pages = withFile(pdf, (file) => execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" }))
    .normalize("NFC")
    .split("\f")
    .filter((page) => page.trim() !== "")
    .map((page) => {
      const lines = page.split("\n");
      const end = lines.findIndex((line) => /Sida \d+ \(\d+\)/.test(line)) + 1;
      return { header: lines.slice(0, end).join(" ").split(/\s+/).filter(Boolean).join(" "), body: lines.slice(end).join("\n") };
    });
  const words = pages
    .flatMap((page) => page.body.split(/\s+/))
    .filter((word) => word.length > 0)
    .reduce<string[]>((joined, word) => {
      const last = joined.at(-1);
      if (last && /[-/]$/.test(last)) joined[joined.length - 1] = last + word;
      else joined.push(word);
      return joined;
    }, []);
  return { headers: pages.map((page) => page.header), words };
};

const pagesOf = (pdf: Buffer): number => Number(withFile(pdf, (file) => execFileSync("pdfinfo", [file], { encoding: "utf8" })).match(/^Pages:\s+(\d+)/m)![1]);

/** Each placed image's resolution across and down (pdfimages -list): equal when the aspect ratio is kept. */
const imageResolutions = (pdf: Buffer): { x: number; y: number }[] =>
  withFile(pdf, (file) => execFileSync("pdfimages", ["-list", file], { encoding: "utf8" }))
    .split("\n")
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((columns) => columns.length > 13 && columns[2] === "image")
    .map((columns) => ({ x: Number(columns[12]), y: Number(columns[13]) }));

describe.skipIf(skip)("DOCX exports converted by LibreOffice", () => {
  it("converts every document", () => {
    expect(converted.map((pair) => pair.name)).toEqual(["tjansteutlatande", "tjansteutlatande-att", "foredragningslista", "protokoll", "protokollsutdrag"]);
    for (const pair of converted) expect(pair.libreOffice.subarray(0, 5).toString("latin1"), pair.name).toBe("%PDF-");
  });

  it("prints the same words in the same order as the PDF export, under the same running header", () => {
    for (const pair of converted) {
      const [libreOffice, pdf] = [readingOf(pair.libreOffice), readingOf(pair.pdf)];
      expect.soft(libreOffice.words, pair.name).toEqual(pdf.words);
      expect.soft(libreOffice.headers, pair.name).toEqual(pdf.headers);
    }
  });

  it("labels each att-sats with the word att", () => {
    const words = readingOf(converted.find((pair) => pair.name === "tjansteutlatande-att")!.libreOffice).words.join(" ");
    expect(words).toContain("att godkänna förvaltningens tjänsteutlåtande att överlämna det till kommunstyrelsen");
  });

  it("breaks into as many pages as the PDF export", () => {
    for (const pair of converted) expect(pagesOf(pair.libreOffice), pair.name).toBe(pagesOf(pair.pdf));
  });

  it("keeps every image's aspect ratio: the QR code square, the logo as drawn", () => {
    // The attested tjänsteutlåtande has both: the logo and the QR code.
    expect(imageResolutions(converted.find((pair) => pair.name === "tjansteutlatande")!.libreOffice)).toHaveLength(2);
    for (const pair of converted) {
      // LibreOffice resamples images to 300 dpi: a pixel of rounding either way is all that may differ.
      for (const image of imageResolutions(pair.libreOffice)) expect(Math.abs(image.x - image.y) / Math.max(image.x, image.y), `${pair.name}: ${JSON.stringify(image)}`).toBeLessThan(0.015);
    }
  });
});
