// The bulk data of `npm run db:seed:bulk` (scripts/seed/bulk.ts) at a small scale: consistent
// with what the app writes (numbers continue the series and § counters, handläggare hold the
// role for the case's unit, statement content and hashes as the editor stores them, attestations
// and the händelselogg verify), the pages' read models accept it, and search at its scale:
// the bounded candidate set for common words keeps a stable, non-overlapping order and the
// public diarium's free-text branches find texts, case numbers and handling numbers.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCasePage } from "@/app/(app)/arenden/[id]/case-page";
import { loadStatementPage } from "@/app/(app)/arenden/[id]/tjansteutlatande/statement-page";
import { loadDiariumPage } from "@/app/(app)/diarium/diarium-page";
import { loadStartPage } from "@/app/(app)/start-page";
import { verifyAttestationsAgainstAudit } from "@/features/attestation/server/attestation-audit";
import { verifyAuditChain } from "@/features/audit/server/verify-audit-chain";
import { listPublicDiarium } from "@/features/diarium/server/public-diarium";
import { searchCases } from "@/features/search/server/search";
import { ZStatementContentSchema, type TStatementContent } from "@/features/statements/schemas";
import { hashStatementContent } from "@/features/statements/server/create-statement";
import { Prisma } from "@/generated/prisma/client";
import { loadActor, type Actor } from "@/server/auth/actor";
import { extractText } from "@/server/text-extraction";
import { readableCasesSql, readableCasesWhere } from "@/server/authz";
import { BENCH_COMMON_WORD, BENCH_RARE_WORD } from "../../scripts/seed/bulk-words";
import { BULK_DATA_VERSION, seedBulkData, type SeedBulkResult } from "../../scripts/seed/bulk";
import { seedDemoInstallation } from "../../scripts/seed/demo";
import { createTestDatabase } from "../support/database";

const CASES = 300;
const DOCUMENTS = 3_000;

const { db } = await createTestDatabase();

let result: SeedBulkResult;
let casesBefore = 0;
let demoCaseIds: string[] = [];
const actorOf = async (username: string): Promise<Actor> => {
  const user = await db.user.findUniqueOrThrow({ where: { username }, select: { id: true, sessionVersion: true } });
  return (await loadActor({ userId: user.id, sessionVersion: user.sessionVersion, authTime: Math.floor(Date.now() / 1000) }))!;
};

beforeAll(async () => {
  await seedDemoInstallation({ nodeEnv: "test", force: false });
  // The demo's cases may carry numbers taken over from an earlier diarium (KS 2024/312), beyond the counter.
  demoCaseIds = (await db.case.findMany({ select: { id: true } })).map((row) => row.id);
  casesBefore = demoCaseIds.length;
  result = await seedBulkData({ cases: CASES, documents: DOCUMENTS });
}, 300_000);

describe("bulk data", () => {
  it("adds the requested cases and handlingar, with motions, meetings, decisions, statements and attestations", async () => {
    expect(await db.case.count()).toBe(casesBefore + CASES);
    expect(result).toMatchObject({ version: BULK_DATA_VERSION, cases: CASES, documents: DOCUMENTS });
    for (const count of [result.files, result.meetings, result.decisions, result.statements, result.attested]) expect(count).toBeGreaterThan(0);
    const [row] = await db.$queryRaw<{ documents: number; motions: number; spread: number; years: number; secret: number }[]>`
      SELECT (SELECT count(*) FROM case_document)::int AS documents,
             (SELECT count(*) FROM motion)::int AS motions,
             (SELECT count(DISTINCT committee_id) FROM "case")::int AS spread,
             (SELECT count(DISTINCT year) FROM "case")::int AS years,
             (SELECT count(*) FROM case_document WHERE secrecy_reference IS NOT NULL)::int AS secret`;
    expect(row!.documents).toBeGreaterThanOrEqual(DOCUMENTS);
    expect(row!.motions).toBeGreaterThan(CASES / 4);
    expect(row!.spread).toBeGreaterThanOrEqual(3);
    expect(row!.years).toBeGreaterThanOrEqual(10);
    expect(row!.secret).toBeGreaterThan(0);
    // Handlingar are numbered 1, 2, … in every case; a samlingsärende per committee gathers more than the others.
    const [spread] = await db.$queryRaw<{ gaps: number; largest: number; median: number }[]>`
      SELECT count(*) FILTER (WHERE n <> last)::int AS gaps, max(n)::int AS largest, percentile_disc(0.5) WITHIN GROUP (ORDER BY n)::int AS median
        FROM (SELECT count(*) AS n, max(number) AS last FROM case_document GROUP BY case_id) per_case`;
    expect(spread!.gaps).toBe(0);
    expect(spread!.largest).toBeGreaterThanOrEqual(spread!.median + 3);
  });

  it("carries each PDF's text in the passages the worker extracts from it, a long report one per page", async () => {
    const files = await db.$queryRaw<{ sha256: string; passages: number }[]>`
      SELECT f.blob_sha256 AS sha256, count(p.*)::int AS passages FROM case_document_file f JOIN case_document_file_passage p ON p.file_id = f.id
       GROUP BY f.id, f.blob_sha256 ORDER BY count(p.*) DESC, f.id`;
    const longest = files[0]!;
    expect(longest.passages).toBeGreaterThanOrEqual(20);
    expect(files.at(-1)!.passages).toBe(1);
    for (const sha256 of [longest.sha256, files.at(-1)!.sha256]) {
      const blob = await db.blob.findUniqueOrThrow({ where: { sha256 }, select: { data: true } });
      const file = await db.caseDocumentFile.findFirstOrThrow({ where: { blobSha256: sha256 }, select: { passages: { orderBy: { ordinal: "asc" }, select: { page: true, text: true } } } });
      expect(file.passages).toEqual(await extractText(blob.data, "application/pdf"));
    }
  });

  it("continues the series and § counters, so the app numbers on top of it", async () => {
    const [counters] = await db.$queryRaw<{ cases: number; paragraphs: number; documents: number }[]>`
      SELECT (SELECT count(*) FROM "case" c LEFT JOIN registry_series_counter r ON r.series_id = c.series_id AND r.year = c.year
               WHERE (r.last_value IS NULL OR c.sequence > r.last_value) AND NOT (c.id::text = ANY(${demoCaseIds})))::int AS cases,
             (SELECT count(*) FROM decision d LEFT JOIN paragraph_counter p ON p.committee_id = d.committee_id AND p.year = d.year
               WHERE p.last_value IS NULL OR d.paragraph > p.last_value)::int AS paragraphs,
             (SELECT count(*) FROM "case" c WHERE c.last_document_number <> (SELECT coalesce(max(number), 0) FROM case_document d WHERE d.case_id = c.id))::int AS documents`;
    expect(counters).toEqual({ cases: 0, paragraphs: 0, documents: 0 });
  });

  it("gives every case a handläggare who holds that role for the case's department or administration", async () => {
    const [row] = await db.$queryRaw<{ orphans: number }[]>`
      SELECT count(*)::int AS orphans FROM "case" c JOIN department d ON d.id = c.department_id
       WHERE NOT EXISTS (SELECT 1 FROM membership m WHERE m.user_id = c.case_officer_id AND m.role = 'CASE_OFFICER'
                           AND (m.department_id = c.department_id OR m.administration_id = d.administration_id))`;
    expect(row!.orphans).toBe(0);
  });

  it("shares one case in twenty with a medhandläggare of its department, the benchmark's handläggare among them", async () => {
    const [row] = await db.$queryRaw<{ shared: number; misplaced: number; unlisted: number }[]>`
      SELECT count(*)::int AS shared,
             count(*) FILTER (WHERE co.user_id = c.case_officer_id OR NOT EXISTS (
               SELECT 1 FROM membership m WHERE m.user_id = co.user_id AND m.role = 'CASE_OFFICER' AND m.department_id = c.department_id))::int AS misplaced,
             count(*) FILTER (WHERE NOT co.user_id = ANY (c.co_officer_ids))::int AS unlisted
        FROM case_co_officer co JOIN "case" c ON c.id = co.case_id`;
    expect(row!.shared).toBeGreaterThanOrEqual(CASES / 20 - 1);
    expect(row!.misplaced).toBe(0);
    // The access filters read the case's co_officer_ids, which the trigger keeps.
    expect(row!.unlisted).toBe(0);
    const clas = await actorOf("clas.cederlid");
    expect(clas.coOfficer).toBe(true);
    const shared = await db.case.findFirstOrThrow({ where: { coOfficers: { some: { userId: clas.id } } }, select: { id: true } });
    await expect(loadCasePage({ actor: clas, caseId: shared.id })).resolves.toBeTruthy();
  });

  it("stores statement content the editor accepts, hashed as the editor hashes it", async () => {
    const versions = await db.statementVersion.findMany({ select: { content: true, contentHash: true } });
    expect(versions.length).toBeGreaterThanOrEqual(result.statements);
    for (const version of versions) {
      const content = ZStatementContentSchema.parse(version.content) as TStatementContent;
      expect(hashStatementContent(content)).toBe(version.contentHash);
    }
  });

  it("keeps the händelselogg's chain and every attestation's event", async () => {
    expect((await verifyAuditChain()).ok).toBe(true);
    const attestations = await verifyAttestationsAgainstAudit(db);
    expect(attestations.problems).toEqual([]);
    // With the data's version, by which `npm run bench` knows data of another shape and seeds anew.
    expect(await db.auditEvent.findMany({ where: { action: "seed.bulk" }, select: { data: true } })).toEqual([{ data: expect.objectContaining({ version: BULK_DATA_VERSION }) }]);
  });

  it("is read by the pages' read models", async () => {
    const registrar = await actorOf("registrator");
    const clas = await actorOf("clas.cederlid");
    const diarium = await loadDiariumPage({ actor: registrar, searchParams: {} });
    expect(diarium.page.rows.length).toBeGreaterThan(0);
    const attested = await db.statement.findFirstOrThrow({ where: { status: "ATTESTED" }, select: { caseId: true, case: { select: { caseOfficer: { select: { username: true } } } } } });
    const casePage = await loadCasePage({ actor: registrar, caseId: attested.caseId });
    expect(casePage.documents.documents.length).toBeGreaterThan(0);
    const statementPage = await loadStatementPage({ actor: await actorOf(attested.case.caseOfficer.username), caseId: attested.caseId });
    expect(statementPage).toBeTruthy();
    await expect(loadStartPage(clas)).resolves.toBeTruthy();
  });
});

describe("search on the bulk data", () => {
  it("finds the rare word, and a common word a full page at a time", async () => {
    const registrar = await actorOf("registrator");
    const rare = await searchCases({ actor: registrar, params: { q: BENCH_RARE_WORD } });
    expect(rare.results.length).toBeGreaterThan(0);
    expect(rare.results.every((hit) => (hit.snippet ?? "").toLowerCase().includes(BENCH_RARE_WORD) || hit.source === "FILE")).toBe(true);
    const common = await searchCases({ actor: registrar, params: { q: BENCH_COMMON_WORD } });
    expect(common.results).toHaveLength(20);
    expect(common.hasNextPage).toBe(true);
    // The page says that a common word's hits are the best of its newest matches; a rare word's are all of them.
    expect(common.narrowed).toBe(true);
    expect(rare.narrowed).toBe(false);
  });

  it("ranks only the newest matches of each source for a common word, in one stable order across pages", async () => {
    const clas = await actorOf("clas.cederlid");
    const candidates = 6;
    const all = await searchCases({ actor: clas, params: { q: BENCH_COMMON_WORD }, pageSize: 100, candidates });
    // At most the candidates of each of the five sources, one row per case.
    expect(all.results.length).toBeGreaterThan(candidates);
    expect(all.results.length).toBeLessThanOrEqual(5 * candidates);
    expect(all.hasNextPage).toBe(false);
    const pages: string[] = [];
    for (let page = 1; ; page++) {
      const { results, hasNextPage } = await searchCases({ actor: clas, params: { q: BENCH_COMMON_WORD, sida: page }, pageSize: 4, candidates });
      pages.push(...results.map((hit) => hit.caseId));
      if (!hasNextPage) break;
    }
    expect(pages).toEqual(all.results.map((hit) => hit.caseId));
    // The case candidates are the newest readable matching cases.
    const newest = await db.$queryRaw<{ id: string }[]>`
      SELECT c.id::text FROM "case" c WHERE c.search_vector @@ to_tsquery('yttra_swedish', 'forslag:*') AND ${readableCasesSql(clas, Prisma.sql`c`)}
       ORDER BY c.created_at DESC, c.id DESC LIMIT ${candidates}`;
    // (Fewer than the candidates when the handläggare reads few matching cases at this scale: then all of them.)
    expect(newest.length).toBeGreaterThan(0);
    const found = new Set(all.results.map((hit) => hit.caseId));
    expect(newest.every((row) => found.has(row.id))).toBe(true);
    // Everything found is readable by the handläggare (the diarium's rule).
    expect(await db.case.count({ where: { AND: [{ id: { in: [...found] } }, { NOT: readableCasesWhere(clas) }] } })).toBe(0);
  });

  it("ranks every match of a word rarer than the candidate limit, the same as without a limit", async () => {
    const registrar = await actorOf("registrator");
    const limited = await searchCases({ actor: registrar, params: { q: BENCH_RARE_WORD }, pageSize: 100, candidates: 50 });
    const unlimited = await searchCases({ actor: registrar, params: { q: BENCH_RARE_WORD }, pageSize: 100, candidates: 100_000 });
    expect(limited.results.map((hit) => hit.caseId)).toEqual(unlimited.results.map((hit) => hit.caseId));
  });

  it("finds handlingar in the public diarium by public text, by part of the case number and by handling number", async () => {
    const rare = await listPublicDiarium({ municipalityId: "stockholm", params: { q: BENCH_RARE_WORD } });
    expect(rare.rows.length).toBeGreaterThan(0);
    const document = await db.caseDocument.findFirstOrThrow({
      where: { number: 2, secrecyReference: null, case: { committeeId: "has", secrecyReference: null } },
      select: { id: true, case: { select: { caseNumber: true } } },
    });
    const byHandling = await listPublicDiarium({ municipalityId: "stockholm", params: { q: `${document.case.caseNumber}-2` } });
    expect(byHandling.rows.map((row) => row.id)).toEqual([document.id]);
    const byCase = await listPublicDiarium({ municipalityId: "stockholm", params: { q: document.case.caseNumber } });
    expect(byCase.rows.map((row) => row.id)).toContain(document.id);
    // Newest first, a total order: the second page continues the first.
    const first = await listPublicDiarium({ municipalityId: "stockholm", params: { q: BENCH_COMMON_WORD }, pageSize: 10 });
    const second = await listPublicDiarium({ municipalityId: "stockholm", params: { q: BENCH_COMMON_WORD, efter: first.nextCursor! }, pageSize: 10 });
    const both = [...first.rows, ...second.rows];
    expect(new Set(both.map((row) => row.id)).size).toBe(20);
    expect(both.map((row) => row.registeredAt.getTime())).toEqual([...both.map((row) => row.registeredAt.getTime())].sort((a, b) => b - a));
  });
});
