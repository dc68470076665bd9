// Full-text search (/sok and the public diarium's free text) against PostgreSQL: Swedish
// stemming and accent folding, case numbers typed in every common form, the current version
// of a tjänsteutlåtande, extracted file text, secrecy (a canary in a confidential handling or
// case is never found, nor shown in a snippet, by someone who may not read it) and a stable order.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { ZCreateStatementSchema } from "@/features/statements/schemas";
import { createStatement } from "@/features/statements/server/create-statement";
import { listPublicDiarium } from "@/features/diarium/server/public-diarium";
import { searchCases, type SearchResult } from "@/features/search/server/search";
import type { TSearchParams } from "@/features/search/schemas";
import type { Actor } from "@/server/auth/actor";
import { HIT_END, HIT_START } from "@/lib/snippet";
import { parseInput } from "@/server/validation";
import { createTestDatabase } from "../support/database";
import { actorFor, createCase, setupOrganisation } from "./statements-fixtures";

const { db } = await createTestDatabase();

const CANARY = "Kanariefågelsignal";
let registrar: Actor;
let chair: Actor;
let otherDistrict: Actor;
let drugCaseId: string;
let publicCaseId: string;
let secretCaseId: string;
let statementCaseId: string;

const search = (actor: Actor, params: TSearchParams, pageSize?: number) => searchCases({ actor, params, pageSize });
const caseIds = (results: SearchResult[]) => results.map((result) => result.caseId);

beforeAll(async () => {
  await setupOrganisation(db);
  registrar = await actorFor(db, "registrator");
  chair = await actorFor(db, "ordforande");
  otherDistrict = await actorFor(db, "sos.handlaggare");

  drugCaseId = (await createCase(db, { title: "Yttrande om de öppna drogscenerna vid Liljeholmstorget" })).caseId;

  // A public case with a confidential handling whose description and file carry the canary.
  const publicCase = await createCase(db, { title: "Parkeringsnorm för Västberga" });
  publicCaseId = publicCase.caseId;
  const secretDocument = await db.caseDocument.create({
    data: {
      caseId: publicCaseId,
      number: 3,
      direction: "INCOMING",
      documentDate: new Date("2024-03-01"),
      description: `Orosanmälan ${CANARY} om en boende`,
      secrecyReference: "26 kap. 1 § OSL",
      createdById: registrar.id,
    },
  });
  const data = Buffer.from(`%PDF ${CANARY}`);
  const sha256 = createHash("sha256").update(data).digest("hex");
  await db.blob.create({ data: { sha256, size: data.length, mimeType: "application/pdf", data } });
  await db.caseDocumentFile.create({
    data: { documentId: secretDocument.id, blobSha256: sha256, fileName: "anmalan.pdf", mimeType: "application/pdf", size: data.length, textExtractedAt: new Date(), passages: { create: { documentId: secretDocument.id, caseId: secretDocument.caseId, ordinal: 0, page: 1, text: `Uppgifter om ${CANARY} och hemadress` } } },
  });
  // A public handling whose file text is searchable for the case's readers.
  const [, publicDocumentId] = publicCase.documentIds;
  await db.caseDocumentFile.create({
    data: { documentId: publicDocumentId!, blobSha256: sha256, fileName: "underlag.pdf", mimeType: "application/pdf", size: data.length, textExtractedAt: new Date(), passages: { create: { documentId: publicDocumentId!, caseId: publicCase.caseId, ordinal: 0, page: 1, text: "Bilagan beskriver cykelparkeringarnas utformning i detalj." } } },
  });

  // A confidential case whose title carries the canary.
  secretCaseId = (await createCase(db, { title: `Skyddat boende ${CANARY}` })).caseId;
  await db.case.update({ where: { id: secretCaseId }, data: { secrecyReference: "26 kap. 1 § OSL" } });

  // A tjänsteutlåtande: the word is only in an older version, or only in the current one.
  const statementCase = await createCase(db, { title: "Yttrande över trafikplanen" });
  statementCaseId = statementCase.caseId;
  const clas = await actorFor(db, "clas.cederlid");
  await createStatement({ actor: clas, input: parseInput(ZCreateStatementSchema, { caseId: statementCaseId, attachmentDocumentIds: [statementCase.documentIds[0]!] }) });
});

/** Writes a new current version of the case's statement with `blocks` as the first section's body. */
const writeStatementBody = async (caseId: string, blocks: Prisma.InputJsonValue[]) => {
  const statement = await db.statement.findUniqueOrThrow({ where: { caseId }, select: { id: true, currentVersion: true, versions: { orderBy: { number: "desc" }, take: 1, select: { content: true } } } });
  const content = statement.versions[0]!.content as { sections: { key: string; body: Prisma.JsonValue }[] };
  const number = statement.currentVersion + 1;
  const sections = content.sections.map((section, index) => (index === 0 ? { ...section, body: { type: "doc", content: blocks } } : section));
  await db.statementVersion.create({ data: { statementId: statement.id, number, content: { ...content, sections } as Prisma.InputJsonValue, contentHash: `test-${number}`, authorId: registrar.id } });
  await db.statement.update({ where: { id: statement.id }, data: { currentVersion: number } });
};

/** Writes a new current version of the case's statement with `text` as the first section's body. */
const writeStatementVersion = async (caseId: string, text: string) => writeStatementBody(caseId, [{ type: "paragraph", content: [{ type: "text", text }] }]);

describe("search: Swedish words", () => {
  it.each(["drogscen", "drogscenerna", "Drogscenernas", "oppna drogscener", "liljeholmstorg"])("finds the case by %s (stemming, accents, case)", async (q) => {
    const { results } = await search(registrar, { q });
    expect(caseIds(results)).toContain(drugCaseId);
  });

  it("highlights the hit in the snippet and names where it is", async () => {
    const { results } = await search(registrar, { q: "cykelparkering" });
    const hit = results.find((result) => result.caseId === publicCaseId)!;
    expect(hit.source).toBe("FILE");
    expect(hit.sourceLabel).toMatch(/^HÄS 1999\/\d+-2 – underlag\.pdf, s\. 1$/);
    // The handling, to link to where the case page lists it.
    const handling = await db.caseDocument.findUniqueOrThrow({ where: { caseId_number: { caseId: publicCaseId, number: 2 } } });
    expect(hit.document).toEqual({ id: handling.id, number: 2 });
    expect(hit.snippet).toContain(`${HIT_START}cykelparkeringarnas`);
  });

  it("searches the current version of a tjänsteutlåtande, not older ones", async () => {
    await writeStatementVersion(statementCaseId, "Förvaltningen föreslår ekorrbohållningar i parken.");
    const found = await search(registrar, { q: "ekorrbohållning" });
    expect(found.results.find((result) => result.caseId === statementCaseId)?.source).toBe("STATEMENT");
    await writeStatementVersion(statementCaseId, "Förvaltningen föreslår inga ändringar.");
    expect(caseIds((await search(registrar, { q: "ekorrbohållning" })).results)).not.toContain(statementCaseId);
  });

  it("quotes a tjänsteutlåtande from the paragraph its words are in, the whole paragraph whatever its formatting", async () => {
    const filler = Array.from({ length: 30 }, (_, index) => ({ type: "paragraph", content: [{ type: "text", text: `Stycke ${index} om stadsdelens budget och verksamhetsplan för året.` }] }));
    await writeStatementBody(statementCaseId, [
      ...filler,
      { type: "paragraph", content: [{ type: "text", text: "Förvaltningen " }, { type: "text", text: "tillstyrker", marks: [{ type: "bold" }] }, { type: "hardBreak" }, { type: "text", text: "nattvandrarnas förslag." }] },
      ...filler,
      { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Fler fågelholkar i parken." }] }] }] },
    ]);
    const snippet = async (q: string) => (await search(registrar, { q })).results.find((result) => result.caseId === statementCaseId)?.snippet;
    // Its paragraph from the first text node to the last (a line break is a space), and nothing of the paragraphs around it.
    expect(await snippet("tillstyrker")).toBe(`Förvaltningen ${HIT_START}tillstyrker${HIT_END} nattvandrarnas förslag`);
    expect(await snippet("fågelholkar")).toBe(`Fler ${HIT_START}fågelholkar${HIT_END} i parken`);
    // Words that no single paragraph holds together are quoted from the whole text.
    const across = await snippet("nattvandrarnas fågelholkar");
    expect(across).toContain(`${HIT_START}nattvandrarnas${HIT_END}`);
    expect(across).toContain(`${HIT_START}fågelholkar${HIT_END}`);
  });

  it("applies the filters", async () => {
    expect(caseIds((await search(registrar, { q: "drogscen", typ: "MOTION_REFERRAL" })).results)).toContain(drugCaseId);
    expect(caseIds((await search(registrar, { q: "drogscen", typ: "LETTER" })).results)).toEqual([]);
    expect(caseIds((await search(registrar, { q: "drogscen", ar: 1999, status: "CLOSED" })).results)).toEqual([]);
    expect(caseIds((await search(registrar, { q: "drogscen", fran: "2024-02-12", till: "2024-02-12" })).results)).toContain(drugCaseId);
    expect(caseIds((await search(registrar, { q: "drogscen", fran: "2024-02-13" })).results)).not.toContain(drugCaseId);
  });

  it("says when a source had more matches than it ranks", async () => {
    expect((await search(registrar, { q: "drogscen" })).narrowed).toBe(false);
    expect((await searchCases({ actor: registrar, params: { q: "drogscen" }, candidates: 1 })).narrowed).toBe(true);
    expect((await search(registrar, { q: "fladdermusholkar" })).narrowed).toBe(false);
  });
});

describe("search: case numbers", () => {
  it("puts the case first for every common form of its number", async () => {
    const target = await db.case.findUniqueOrThrow({ where: { id: drugCaseId }, select: { year: true, sequence: true, caseNumber: true } });
    const { year, sequence } = target;
    for (const q of [target.caseNumber, `${year}/${sequence}`, `has ${year}-${sequence}`, `${sequence}/${year}`, `HÄS ${year}:${sequence}`]) {
      const { results } = await search(registrar, { q });
      expect(results[0], q).toMatchObject({ caseId: drugCaseId, source: "CASE_NUMBER" });
    }
    // Another series' prefix is not this case.
    expect(caseIds((await search(registrar, { q: `SOS ${year}/${sequence}` })).results)).not.toContain(drugCaseId);
  });

  it("finds the sender's dnr", async () => {
    const { results } = await search(registrar, { q: "KS 2024/312" });
    expect(caseIds(results)).toContain(drugCaseId);
  });
});

describe("search: access and secrecy", () => {
  it("finds the canary for a reader of confidential content, with its snippet", async () => {
    const { results } = await search(registrar, { q: CANARY });
    expect(new Set(caseIds(results))).toEqual(new Set([publicCaseId, secretCaseId]));
    expect(results.find((result) => result.caseId === publicCaseId)?.snippet).toContain(HIT_START);
  });

  it.each([
    ["the chair (reads the committee's public cases)", () => chair],
    ["a handläggare of another district", () => otherDistrict],
  ])("never finds the canary for %s, in any form", async (_who, actorOf) => {
    for (const q of [CANARY, "kanariefagelsignal", "kanariefågel", `"orosanmälan ${CANARY}"`, "hemadress"]) {
      expect((await search(actorOf(), { q })).results, q).toEqual([]);
    }
    // The secret case by its number neither.
    const secret = await db.case.findUniqueOrThrow({ where: { id: secretCaseId }, select: { caseNumber: true } });
    expect(caseIds((await search(actorOf(), { q: secret.caseNumber })).results)).not.toContain(secretCaseId);
  });

  it("still lets the chair find the public case by its public text", async () => {
    expect(caseIds((await search(chair, { q: "parkeringsnorm västberga" })).results)).toEqual([publicCaseId]);
    expect(caseIds((await search(otherDistrict, { q: "parkeringsnorm västberga" })).results)).toEqual([]);
  });

  it("the public diarium's free text finds public text by its stem and never the canary", async () => {
    const publicSearch = (q: string) => listPublicDiarium({ municipalityId: "stockholm", params: { q } });
    const stemmed = await publicSearch("parkeringsnormen");
    expect(stemmed.rows.length).toBeGreaterThan(0);
    expect(stemmed.rows.every((row) => row.caseTitle === "Parkeringsnorm för Västberga")).toBe(true);
    expect((await publicSearch(CANARY)).rows).toEqual([]);
    expect((await publicSearch("skyddat boende")).rows).toEqual([]);
  });

  it("the public diarium finds a public case by the sender's dnr, a confidential one never", async () => {
    const [open, secret] = await Promise.all(
      [drugCaseId, secretCaseId].map((id) => db.case.findUniqueOrThrow({ where: { id }, select: { caseNumber: true, referringCaseNumber: true, _count: { select: { documents: true } } } })),
    );
    // Both came from the same sender's dnr, and both have handlingar the public diarium lists.
    expect(secret!.referringCaseNumber).toBe(open!.referringCaseNumber);
    expect(secret!._count.documents).toBeGreaterThan(0);
    const rows = (await listPublicDiarium({ municipalityId: "stockholm", params: { q: open!.referringCaseNumber! } })).rows;
    expect(rows.map((row) => row.caseNumber)).toContain(open!.caseNumber);
    expect(rows.map((row) => row.caseNumber)).not.toContain(secret!.caseNumber);
    // By its own number it is listed, masked, as the diarium lists it.
    const own = (await listPublicDiarium({ municipalityId: "stockholm", params: { q: secret!.caseNumber } })).rows;
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((row) => row.caseTitle === null && row.description === null)).toBe(true);
  });
});

describe("search: order", () => {
  it("orders equal hits by a total order, so pages neither overlap nor change between calls", async () => {
    const ids: string[] = [];
    for (let index = 0; index < 13; index += 1) ids.push((await createCase(db, { title: `Gatubelysning på Tellusborgsvägen del ${index}` })).caseId);
    const pages = [];
    for (let page = 1; page <= 3; page += 1) pages.push(await search(registrar, { q: "gatubelysning tellusborgsvägen", sida: page }, 5));
    const listed = pages.flatMap((page) => caseIds(page.results));
    expect(listed).toHaveLength(13);
    expect(new Set(listed)).toEqual(new Set(ids));
    expect(pages.map((page) => page.hasNextPage)).toEqual([true, true, false]);
    const again = await search(registrar, { q: "gatubelysning tellusborgsvägen", sida: 2 }, 5);
    expect(caseIds(again.results)).toEqual(caseIds(pages[1]!.results));
  });
});

describe("search: planning", () => {
  it("keeps a long list of common words for every search vector, so a rare word is estimated as rare", async () => {
    // Recreating a column (a changed generated expression) resets its target to the default.
    const columns = await db.$queryRaw<{ table: string; target: number | null }[]>`
      SELECT a.attrelid::regclass::text AS table, a.attstattarget::int AS target
        FROM pg_attribute a JOIN pg_class r ON r.oid = a.attrelid JOIN pg_namespace n ON n.oid = r.relnamespace
       WHERE a.attname = 'search_vector' AND n.nspname = 'public' AND r.relkind = 'r' AND NOT a.attisdropped
       ORDER BY 1`;
    expect(columns).toEqual(
      ['"case"', "case_document", "case_document_file_passage", "motion", "statement_version"].map((table) => ({ table, target: 1000 })),
    );
  });
});
