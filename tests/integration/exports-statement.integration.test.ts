// GET /api/export/statement/{id}: the demo's reference tjänsteutlåtande exported as a
// draft, then attested through the real attestation service and exported again; who
// may download; what an unauthorized request gets (no bytes). The session is replaced
// by a chosen actor; everything behind it is real.
import { afterEach, describe, expect, it, vi } from "vitest";
import { attestStep, sendStatementForAttestation } from "@/features/attestation/server/attestation-service";
import { loadActor, type Actor } from "@/server/auth/actor";
import { seedDemoData } from "../../scripts/seed/demo";
import { REFERENCE_CASE_ID } from "../../scripts/seed/demo-cases";
import { seedDemoStatements } from "../../scripts/seed/demo-statements";
import { createTestDatabase } from "../support/database";
import { docxPart, docxParagraphs, pdfText, positionsInOrder } from "../fixtures/exports/inspect";
import { REFERENCE_HEADINGS } from "../fixtures/exports/reference-statement";
import { todayInStockholm } from "@/lib/dates";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { updateMunicipalitySettings } from "@/features/admin/server/municipality-service";
import { ZUpdateMunicipalitySchema } from "@/features/admin/schemas";
import { parseInput } from "@/server/validation";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/server/auth", () => ({ getActor: async () => session.actor }));

const { GET } = await import("@/app/api/export/statement/[statementId]/route");

const { db } = await createTestDatabase();
await seedDemoData({ nodeEnv: "test", force: false });
await db.$transaction((tx) => seedDemoStatements(tx));

const actorFor = async (username: string): Promise<Actor> => {
  const user = await db.user.findUniqueOrThrow({ where: { username } });
  // Logged in just now: attesting asks for no password.
  return (await loadActor({ userId: user.id, sessionVersion: user.sessionVersion, authTime: Math.floor(Date.now() / 1000) }))!;
};

const sosUser = await db.user.create({ data: { username: "sos.registrator", name: "SÖS registrator" } });
await db.membership.create({ data: { userId: sosUser.id, role: "REGISTRAR", committeeId: "sos" } });

const statement = await db.statement.findUniqueOrThrow({ where: { caseId: REFERENCE_CASE_ID } });
const theCase = await db.case.findUniqueOrThrow({ where: { id: REFERENCE_CASE_ID } });

const download = async (actor: Actor | null, statementId: string, query = "format=pdf") => {
  session.actor = actor;
  const response = await GET(new Request(`http://localhost/api/export/statement/${statementId}?${query}`), { params: Promise.resolve({ statementId }) });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
};

afterEach(() => {
  session.actor = null;
});

const expectNoDocument = (bytes: Buffer) => {
  expect(bytes.subarray(0, 4).toString("latin1")).not.toBe("%PDF");
  expect(bytes.subarray(0, 2).toString("latin1")).not.toBe("PK");
};

describe("exporting a draft tjänsteutlåtande", () => {
  it("gives the handläggare a PDF attachment marked as draft, with every section heading", async () => {
    const { response, bytes } = await download(await actorFor("clas.cederlid"), statement.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toContain("no-store");
    const disposition = response.headers.get("content-disposition") ?? "";
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe(`Tjänsteutlåtande ${theCase.caseNumber.replace("/", "-")} ${theCase.title} (utkast).pdf`);

    const text = pdfText(bytes);
    expect(positionsInOrder(text, REFERENCE_HEADINGS.slice(0, -1))).not.toContain(-1);
    expect(text).toContain(`Dnr ${theCase.caseNumber}`);
    expect(text).not.toContain("Attesterat av");
    expect(bytes.toString("latin1")).toMatch(/\(utkast\)|utkast/);
  });

  it("gives a DOCX with Word's UTKAST watermark", async () => {
    const { response, bytes } = await download(await actorFor("linda.palo"), statement.id, "format=docx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(docxPart(bytes, "word/header1.xml")).toContain('string="UTKAST"');
    expect(docxParagraphs(docxPart(bytes, "word/document.xml"))).toContain("Sammanfattning");
  });
});

describe("who may download", () => {
  it("answers 404 with no document to a user outside the case's units (cross-unit)", async () => {
    const { response, bytes } = await download(await actorFor("sos.registrator"), statement.id);
    expect(response.status).toBe(404);
    expectNoDocument(bytes);
  });

  it("answers 404 with no document to a role that may not read cases (admin)", async () => {
    const { response, bytes } = await download(await actorFor("admin"), statement.id, "format=docx");
    expect(response.status).toBe(404);
    expectNoDocument(bytes);
  });

  it("answers the same 404 for an unknown or malformed id", async () => {
    const clas = await actorFor("clas.cederlid");
    const unknown = await download(clas, "00000000-0000-7000-8000-999999999999");
    const malformed = await download(clas, "../../etc/passwd");
    expect(unknown.response.status).toBe(404);
    expect(malformed.response.status).toBe(404);
    expect(await new Response(unknown.bytes).text()).toBe(await new Response(malformed.bytes).text());
  });

  it("answers 401 without a session and 400 for an unknown format", async () => {
    const anonymous = await download(null, statement.id);
    expect(anonymous.response.status).toBe(401);
    expectNoDocument(anonymous.bytes);
    const html = await download(await actorFor("clas.cederlid"), statement.id, "format=html");
    expect(html.response.status).toBe(400);
    expectNoDocument(html.bytes);
  });
});

describe("exporting an attested tjänsteutlåtande", () => {
  it("carries the attestation block with the attesters, their dates and the verification code", async () => {
    const linda = await db.user.findUniqueOrThrow({ where: { username: "linda.palo" } });
    const lee = await db.user.findUniqueOrThrow({ where: { username: "lee.orberson" } });
    await sendStatementForAttestation({
      actor: await actorFor("clas.cederlid"),
      input: { caseId: REFERENCE_CASE_ID, order: "SEQUENTIAL", attesterIds: [linda.id, lee.id], versionNumber: statement.currentVersion },
    });
    const request = await db.attestationRequest.findFirstOrThrow({ where: { subjectId: statement.id }, include: { steps: { include: { assignee: true } } } });
    for (const username of ["linda.palo", "lee.orberson"]) {
      const step = request.steps.find((candidate) => candidate.assignee.username === username)!;
      await attestStep({ actor: await actorFor(username), input: { stepId: step.id, contentHash: request.contentHash } });
    }

    const { response, bytes } = await download(await actorFor("registrator"), statement.id);
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get("content-disposition")!)).not.toContain("utkast");
    const text = pdfText(bytes);
    expect(positionsInOrder(text, REFERENCE_HEADINGS)).not.toContain(-1);
    const block = text.slice(text.indexOf("Attesterat av")).replace(/[ \t]+/g, " ");
    const today = todayInStockholm();
    // Its own date: the day it was sent for attestation.
    expect(text.replace(/\s+/g, " ")).toContain(`Datum ${todayInStockholm(request.createdAt)}`);
    expect(block).toContain(`Linda Palo, avdelningschef ${today}`);
    expect(block).toContain(`Lee Orberson, stadsdelsdirektör ${today}`);
    expect(block).toContain(request.verificationCode);
    expect(block).toContain(`/verifiera/${request.verificationCode}`.slice(0, 12));

    const docx = await download(await actorFor("lee.orberson"), statement.id, "format=docx");
    const paragraphs = docxParagraphs(docxPart(docx.bytes, "word/document.xml"));
    expect(paragraphs).toEqual(expect.arrayContaining(["Attesterat av", "Linda Palo, avdelningschef", "Lee Orberson, stadsdelsdirektör", today]));
    expect(docxPart(docx.bytes, "word/header1.xml")).not.toContain("UTKAST");
  });

  it("exports the same bytes twice (deterministic)", async () => {
    const clas = await actorFor("clas.cederlid");
    const [first, second] = [await download(clas, statement.id), await download(clas, statement.id)];
    expect(first.bytes.equals(second.bytes)).toBe(true);
    const [docxA, docxB] = [await download(clas, statement.id, "format=docx"), await download(clas, statement.id, "format=docx")];
    expect(docxA.bytes.equals(docxB.bytes)).toBe(true);
  });

  it("falls back to a draft when the stored content no longer matches the attested hash", async () => {
    const version = await db.statementVersion.findFirstOrThrow({ where: { statementId: statement.id }, orderBy: { number: "desc" } });
    const content = structuredClone(version.content) as { header: { title: string } };
    content.header.title = `${content.header.title} (ändrad i databasen)`;
    await db.statementVersion.update({ where: { id: version.id }, data: { content } });

    const { response, bytes } = await download(await actorFor("clas.cederlid"), statement.id);
    expect(response.status).toBe(200);
    const text = pdfText(bytes);
    expect(text).toContain("(ändrad i databasen)");
    expect(text).not.toContain("Attesterat av");
    expect(decodeURIComponent(response.headers.get("content-disposition")!)).toContain("(utkast)");
  });
});

describe("the municipality's letterhead", () => {
  it("dates a draft by its version and prints the logo its administrator uploaded (SVG), in PDF and DOCX", async () => {
    const draft = await db.statement.findFirstOrThrow({ where: { status: "DRAFT", case: { committeeId: "has" } }, select: { id: true, currentVersion: true } });
    const version = await db.statementVersion.findUniqueOrThrow({ where: { statementId_number: { statementId: draft.id, number: draft.currentVersion } } });
    const before = await download(await actorFor("registrator"), draft.id);
    expect(pdfText(before.bytes).replace(/\s+/g, " ")).toContain(`Datum ${todayInStockholm(version.createdAt)}`);
    expect(execFileSync("pdfimages", ["-list", "-"], { input: before.bytes, encoding: "utf8" }).split("\n").slice(2).filter(Boolean)).toEqual([]);

    const svg = readFileSync(path.resolve(import.meta.dirname, "../fixtures/exports/logo.svg"));
    const { updatedAt, name } = await db.municipality.findUniqueOrThrow({ where: { id: "stockholm" } });
    await updateMunicipalitySettings({
      actor: await actorFor("admin"),
      input: parseInput(ZUpdateMunicipalitySchema, { municipalityId: "stockholm", updatedAt: updatedAt.toISOString(), name, removeLogo: false, logo: new File([svg], "logga.svg", { type: "image/svg+xml" }) }),
    });

    const pdf = (await download(await actorFor("registrator"), draft.id)).bytes;
    const images = execFileSync("pdfimages", ["-list", "-"], { input: pdf, encoding: "utf8" }).split("\n").slice(2).filter(Boolean).map((line) => line.trim().split(/\s+/));
    expect(images).toHaveLength(1);
    expect(Number(images[0]![3]) / Number(images[0]![4])).toBeCloseTo(3, 1);
    const docx = (await download(await actorFor("registrator"), draft.id, "format=docx")).bytes;
    expect(docxPart(docx, "word/document.xml")).toMatch(/<wp:docPr id="\d+" name="Logotyp" descr="Logotyp för Stockholms stad"/);
  });
});
