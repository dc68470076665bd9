// /sok: full-text search over what the actor may read — cases (title, referring body and dnr),
// motions, the current version of tjänsteutlåtanden, handlingar and the extracted text of
// their files — with direct hits on a typed case number first. Access is the diarium's
// (`readableCasesSql`, the SQL form of `readableCasesWhere`), applied to every source before
// ranking, and a confidential handling (or its file) is searched only for those who may read
// it (`confidentialReadableCasesSql`): a hidden text can neither match nor give a snippet.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { CaseKind, CaseStatus } from "@/generated/prisma/enums";
import { parseCaseNumberQuery } from "@/lib/case-number-query";
import { formatDocumentNumber } from "@/lib/case-number";
import { isoDateToDb } from "@/lib/dates";
import type { Actor } from "@/server/auth/actor";
import { confidentialReadableCasesSql, readableCasesSql } from "@/server/authz";
import { db } from "@/server/db";
import { caseNumberHitSql, headlineSql, searchQuerySql } from "@/server/full-text";
import type { TSearchParams } from "../schemas";

const SEARCH_PAGE_SIZE = 20;

/** Where the best hit of a case is. */
export type SearchHitSource = "CASE_NUMBER" | "CASE" | "MOTION" | "STATEMENT" | "DOCUMENT" | "FILE";

export type SearchResult = {
  caseId: string;
  caseNumber: string;
  title: string;
  kind: CaseKind;
  status: CaseStatus;
  receivedDate: Date;
  committeeShortName: string;
  caseOfficerName: string;
  source: SearchHitSource;
  /** The handling ("HÄS 2024/123-2") or file name the hit is in; null for the case itself and its statement. */
  sourceLabel: string | null;
  /** ts_headline of the hit text with HIT_START/HIT_END around the hits; null for a case-number hit. */
  snippet: string | null;
};

type SearchPage = { results: SearchResult[]; hasNextPage: boolean; page: number };

type SqlRow = Omit<SearchResult, "sourceLabel"> & { documentNumber: number | null; documentNumberFormat: string; fileName: string | null };

const c = Prisma.sql`c`;

/** The filters of the form, on the case row `c`. */
const filterSql = (params: TSearchParams): Prisma.Sql[] => {
  const conditions: Prisma.Sql[] = [];
  if (params.namnd) conditions.push(Prisma.sql`c.committee_id = ${params.namnd}`);
  if (params.ar) conditions.push(Prisma.sql`c.year = ${params.ar}`);
  if (params.status) conditions.push(Prisma.sql`c.status = ${params.status}::"CaseStatus"`);
  if (params.typ) conditions.push(Prisma.sql`c.kind = ${params.typ}::"CaseKind"`);
  if (params.handlaggare) {
    conditions.push(Prisma.sql`(c.case_officer_id = ${params.handlaggare}::uuid OR EXISTS (SELECT 1 FROM case_co_officer f WHERE f.case_id = c.id AND f.user_id = ${params.handlaggare}::uuid))`);
  }
  if (params.klass) conditions.push(Prisma.sql`c.classification_id = ${params.klass}::uuid`);
  if (params.fran) conditions.push(Prisma.sql`c.received_date >= ${isoDateToDb(params.fran)}`);
  if (params.till) conditions.push(Prisma.sql`c.received_date <= ${isoDateToDb(params.till)}`);
  return conditions;
};

/**
 * How many matches of each source (cases, motions, statements, handlingar, files) are ranked:
 * the newest that the actor may read. A rare word has fewer and is ranked in full; a common
 * word is found in tens of thousands of rows, and ranking them all is what made it slow
 * (ts_rank_cd reads every matching vector). Its hits are the best of its newest matches.
 */
const SEARCH_CANDIDATES_PER_SOURCE = 100;

export type SearchCasesOptions = { actor: Actor; params: TSearchParams; pageSize?: number; candidates?: number };

/**
 * One page of hits, one row per case (its best hit), ordered by case-number hit, then
 * ts_rank_cd, then newest registration and id — a total order over a candidate set that is
 * itself chosen in a total order (newest first), so pages never overlap. Access and the
 * filters apply inside each source before its candidates are chosen, so a user who may read
 * little still gets full candidate sets of what they may read.
 */
export const searchCases = async ({ actor, params, pageSize = SEARCH_PAGE_SIZE, candidates = SEARCH_CANDIDATES_PER_SOURCE }: SearchCasesOptions): Promise<SearchPage> => {
  const page = params.sida ?? 1;
  const text = params.q?.trim() ?? "";
  if (text === "") return { results: [], hasNextPage: false, page };

  const q = Prisma.sql`q.q`;
  // The matches are found with the query written out, not read from the CTE: only then does the
  // planner know the words and estimate from the column's statistics whether to read them from
  // the GIN index (a rare word) or to walk the newest rows until it has its candidates (a common one).
  const query = searchQuerySql(text);
  const caseNumber = parseCaseNumberQuery(text);
  const readableDocument = Prisma.sql`(d.secrecy_reference IS NULL OR ${confidentialReadableCasesSql(actor, c)})`;
  const where = Prisma.join([readableCasesSql(actor, c), ...filterSql(params)], " AND ");

  const rows = await db.$queryRaw<SqlRow[]>`
    WITH q AS (SELECT ${query} AS q),
    hits (case_id, source, hit_id, rank) AS (
      ${caseNumber ? Prisma.sql`SELECT c.id, 'CASE_NUMBER', NULL::uuid, 1e6::real FROM "case" c WHERE ${caseNumberHitSql(caseNumber, c)} AND ${where} UNION ALL` : Prisma.empty}
      SELECT h.id, 'CASE', NULL::uuid, ts_rank_cd(h.search_vector, q.q) FROM q, (
        SELECT c.id, c.search_vector FROM "case" c WHERE c.search_vector @@ ${query} AND ${where}
         ORDER BY c.created_at DESC, c.id DESC LIMIT ${candidates}) h
      UNION ALL
      SELECT h.case_id, 'MOTION', NULL::uuid, ts_rank_cd(h.search_vector, q.q) FROM q, (
        SELECT m.case_id, m.search_vector FROM motion m JOIN "case" c ON c.id = m.case_id WHERE m.search_vector @@ ${query} AND ${where}
         ORDER BY m.created_at DESC, m.id DESC LIMIT ${candidates}) h
      UNION ALL
      SELECT h.case_id, 'STATEMENT', h.id, ts_rank_cd(h.search_vector, q.q) FROM q, (
        SELECT s.case_id, v.id, v.search_vector
          FROM statement_version v JOIN statement s ON s.id = v.statement_id AND s.current_version = v.number JOIN "case" c ON c.id = s.case_id
         WHERE v.search_vector @@ ${query} AND ${where}
         ORDER BY c.created_at DESC, c.id DESC LIMIT ${candidates}) h
      UNION ALL
      SELECT h.case_id, 'DOCUMENT', h.id, ts_rank_cd(h.search_vector, q.q) FROM q, (
        SELECT d.case_id, d.id, d.search_vector FROM case_document d JOIN "case" c ON c.id = d.case_id
         WHERE d.search_vector @@ ${query} AND ${readableDocument} AND ${where}
         ORDER BY d.registered_at DESC, d.id DESC LIMIT ${candidates}) h
      UNION ALL
      SELECT h.case_id, 'FILE', h.id, ts_rank_cd(h.search_vector, q.q) FROM q, (
        SELECT d.case_id, f.id, f.search_vector FROM case_document_file f JOIN case_document d ON d.id = f.document_id JOIN "case" c ON c.id = d.case_id
         WHERE f.search_vector @@ ${query} AND ${readableDocument} AND ${where}
         ORDER BY f.created_at DESC, f.id DESC LIMIT ${candidates}) h
    ),
    best AS (
      SELECT DISTINCT ON (case_id) case_id, source, hit_id, rank FROM hits ORDER BY case_id, rank DESC, source, hit_id
    ),
    page AS (
      SELECT b.*, c.created_at FROM best b JOIN "case" c ON c.id = b.case_id
       ORDER BY b.rank DESC, c.created_at DESC, c.id DESC
       LIMIT ${pageSize + 1} OFFSET ${(page - 1) * pageSize}
    )
    SELECT c.id::text AS "caseId", c.case_number AS "caseNumber", c.title, c.kind::text AS kind, c.status::text AS status,
           c.received_date AS "receivedDate", cm.short_name AS "committeeShortName", u.name AS "caseOfficerName",
           p.source, d.number AS "documentNumber", rs.document_number_format AS "documentNumberFormat", f.file_name AS "fileName",
           CASE p.source
             WHEN 'CASE' THEN ${headlineSql(Prisma.sql`concat_ws(' – ', c.title, c.referring_body, c.referring_case_number)`, q)}
             WHEN 'MOTION' THEN ${headlineSql(Prisma.sql`concat_ws(' ', m.number, m.title)`, q)}
             WHEN 'STATEMENT' THEN ${headlineSql(
               Prisma.sql`(SELECT string_agg(t #>> '{}', ' ') FROM jsonb_array_elements(jsonb_path_query_array(v.content, 'strict $.header.title', '{}', true) || jsonb_path_query_array(v.content, 'strict $.decisionPoints[*].text', '{}', true) || jsonb_path_query_array(v.content, 'strict $.sections[*].body.** ? (@.type == "text").text', '{}', true)) t)`,
               q,
             )}
             WHEN 'DOCUMENT' THEN ${headlineSql(Prisma.sql`concat_ws(' – ', d.description, d.counterpart)`, q)}
             WHEN 'FILE' THEN ${headlineSql(Prisma.sql`f.extracted_text`, q)}
           END AS snippet
      FROM page p
      JOIN "case" c ON c.id = p.case_id
      JOIN committee cm ON cm.id = c.committee_id
      JOIN registry_series rs ON rs.id = c.series_id
      JOIN app_user u ON u.id = c.case_officer_id
      CROSS JOIN q
      LEFT JOIN motion m ON p.source = 'MOTION' AND m.case_id = c.id
      LEFT JOIN statement_version v ON p.source = 'STATEMENT' AND v.id = p.hit_id
      LEFT JOIN case_document_file f ON p.source = 'FILE' AND f.id = p.hit_id
      LEFT JOIN case_document d ON (p.source = 'DOCUMENT' AND d.id = p.hit_id) OR (p.source = 'FILE' AND d.id = f.document_id)
     ORDER BY p.rank DESC, p.created_at DESC, c.id DESC`;

  const results = rows.slice(0, pageSize).map(({ documentNumber, documentNumberFormat, fileName, ...row }): SearchResult => {
    const handling = documentNumber === null ? null : formatDocumentNumber(row.caseNumber, documentNumber, documentNumberFormat);
    return { ...row, sourceLabel: row.source === "FILE" ? `${handling} – ${fileName}` : handling };
  });
  return { results, hasNextPage: rows.length > pageSize, page };
};
