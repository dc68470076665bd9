// /sok: full-text search over what the actor may read — cases (title, referring body and dnr),
// motions, the current version of tjänsteutlåtanden, handlingar and the extracted text of
// their files (by passage: a hit in a file is ranked and quoted from its passage) — with direct hits on a typed case number first. Access is the diarium's
// (`readableCasesSql`, the SQL form of `readableCasesWhere`, asked one alternative at a time as
// `readableCaseBranchesSql`), applied to every source before ranking, and a confidential handling (or its file) is searched only for those who may read
// it (`confidentialReadableCasesSql`): a hidden text can neither match nor give a snippet.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { CaseKind, CaseStatus } from "@/generated/prisma/enums";
import { parseCaseNumberQuery } from "@/lib/case-number-query";
import { formatDocumentNumber } from "@/lib/case-number";
import { isoDateToDb } from "@/lib/dates";
import type { Actor } from "@/server/auth/actor";
import { confidentialReadableCasesSql, readableCaseBranchesSql, readableCasesSql, worksOnCaseSql } from "@/server/authz";
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
  /** The handling ("HÄS 2024/123-2") or file the hit is in ("HÄS 2024/123-2 – budget.pdf, s. 12"); null for the case itself and its statement. */
  sourceLabel: string | null;
  /** The handling the hit is in (a DOCUMENT or FILE hit), to link to where the case page lists it. */
  document: { id: string; number: number } | null;
  /** ts_headline of the hit text with HIT_START/HIT_END around the hits; null for a case-number hit. */
  snippet: string | null;
};

type SearchPage = {
  results: SearchResult[];
  hasNextPage: boolean;
  page: number;
  /** Some source reached the number of matches it ranks: the hits are the best of its newest matches (there may be more), and the page says so. */
  narrowed: boolean;
};

type SqlRow = Omit<SearchResult, "sourceLabel" | "document"> & {
  documentId: string | null;
  documentNumber: number | null;
  documentNumberFormat: string;
  fileName: string | null;
  filePage: number | null;
  narrowed: boolean;
};

const c = Prisma.sql`c`;

/**
 * The texts of the statement version `v` that its search vector holds, as a JSON array in
 * reading order: the title, each beslutspunkt and each paragraph or heading of the sections. A
 * hit's snippet is quoted from the first of them that matches the whole query — ts_headline
 * reads every character it is given (about 0.2 ms per 1 000) and a whole tjänsteutlåtande has
 * 6 000–10 000 — and from all of them only when no single one does (the words are in different
 * paragraphs).
 */
const statementTexts = Prisma.sql`(
  jsonb_path_query_array(v.content, 'strict $.header.title', '{}', true)
  || jsonb_path_query_array(v.content, 'strict $.decisionPoints[*].text', '{}', true)
  || coalesce((
    SELECT jsonb_agg((SELECT string_agg(CASE WHEN i ->> 'type' = 'text' THEN i ->> 'text' ELSE ' ' END, '' ORDER BY n) FROM jsonb_array_elements(b -> 'content') WITH ORDINALITY x (i, n)) ORDER BY bn)
      FROM jsonb_path_query(v.content, 'strict $.sections[*].body.** ? (@.type == "paragraph" || @.type == "heading")', '{}', true) WITH ORDINALITY y (b, bn)
  ), '[]'))`;

/** The filters of the form, on the case row `c`. */
const filterSql = (params: TSearchParams): Prisma.Sql[] => {
  const conditions: Prisma.Sql[] = [];
  if (params.namnd) conditions.push(Prisma.sql`c.committee_id = ${params.namnd}`);
  if (params.ar) conditions.push(Prisma.sql`c.year = ${params.ar}`);
  if (params.status) conditions.push(Prisma.sql`c.status = ${params.status}::"CaseStatus"`);
  if (params.typ) conditions.push(Prisma.sql`c.kind = ${params.typ}::"CaseKind"`);
  if (params.handlaggare) {
    conditions.push(worksOnCaseSql(params.handlaggare, c));
  }
  if (params.klass) conditions.push(Prisma.sql`c.classification_id = ${params.klass}::uuid`);
  if (params.fran) conditions.push(Prisma.sql`c.received_date >= ${isoDateToDb(params.fran)}`);
  if (params.till) conditions.push(Prisma.sql`c.received_date <= ${isoDateToDb(params.till)}`);
  return conditions;
};

/**
 * How many matches of each source (cases, motions, statements, handlingar, files) are ranked:
 * those in the newest cases that the actor may read. A rare word has fewer and is ranked in
 * full; a common word is found in tens of thousands of rows, and ranking them all is what made
 * it slow (ts_rank_cd reads every matching vector). Its hits are the best of its newest matches.
 */
const SEARCH_CANDIDATES_PER_SOURCE = 100;

/** One source of hits: its rows joined to their case `c`, what a row must satisfy, and its order within a case. */
type Source = {
  /** `case_id`, `hit_id`, `part` (a file's passage, else null) and `search_vector` of a matching row. */
  columns: Prisma.Sql;
  from: Prisma.Sql;
  where: Prisma.Sql;
  /** After the case's (created_at, id): the row's own order within its case, newest first, ending in a unique column. */
  within: Prisma.Sql[];
};

/**
 * The `candidates` matches of a source in the newest readable cases — newest case first, then
 * the source's own order — as the union of the same query per access alternative
 * (`readableCaseBranchesSql`), each limited on its own and then merged. Each alternative then
 * walks only cases it reads (a committee's or department's newest cases through their
 * `created_at, id` index) or, for a rare word, reads the word's rows from the GIN index, where
 * the whole disjunction walked every case and dropped the ones the actor may not read. A row
 * that two alternatives reach appears twice in the union and once in the result; the union of
 * each alternative's first `candidates` holds the first `candidates` of all of them.
 */
const newestMatchesSql = (source: Source, branches: Prisma.Sql[], where: Prisma.Sql, candidates: number): Prisma.Sql => {
  const keys = [Prisma.sql`c.created_at`, Prisma.sql`c.id`, ...source.within];
  const aliases = keys.map((_, index) => Prisma.raw(`k${index}`));
  const order = (columns: Prisma.Sql[]) => Prisma.join(columns.map((column) => Prisma.sql`${column} DESC`), ", ");
  const keyColumns = Prisma.join(keys.map((key, index) => Prisma.sql`${key} AS ${aliases[index]!}`), ", ");
  const perBranch = branches.map(
    (branch) => Prisma.sql`(SELECT ${source.columns}, ${keyColumns} FROM ${source.from} WHERE ${source.where} AND ${branch} AND ${where} ORDER BY ${order(keys)} LIMIT ${candidates})`,
  );
  return Prisma.sql`SELECT DISTINCT ON (${Prisma.join(aliases, ", ")}) case_id, hit_id, part, search_vector FROM (${Prisma.join(perBranch, " UNION ALL ")}) b ORDER BY ${order(aliases)} LIMIT ${candidates}`;
};

export type SearchCasesOptions = { actor: Actor; params: TSearchParams; pageSize?: number; candidates?: number };

/**
 * One page of hits, one row per case (its best hit), ordered by case-number hit, then
 * ts_rank_cd, then newest registration and id — a total order over a candidate set that is
 * itself chosen in a total order (newest case first), so pages never overlap. Access and the
 * filters apply inside each source before its candidates are chosen, so a user who may read
 * little still gets full candidate sets of what they may read.
 */
export const searchCases = async ({ actor, params, pageSize = SEARCH_PAGE_SIZE, candidates = SEARCH_CANDIDATES_PER_SOURCE }: SearchCasesOptions): Promise<SearchPage> => {
  const page = params.sida ?? 1;
  const text = params.q?.trim() ?? "";
  if (text === "") return { results: [], hasNextPage: false, page, narrowed: false };

  const q = Prisma.sql`q.q`;
  // The matches are found with the query written out, not read from the CTE: only then does the
  // planner know the words and estimate from the column's statistics whether to read them from
  // the GIN index (a rare word) or to walk the newest cases until it has its candidates (a common one).
  const query = searchQuerySql(text);
  const caseNumber = parseCaseNumberQuery(text);
  const readableDocument = Prisma.sql`(d.secrecy_reference IS NULL OR ${confidentialReadableCasesSql(actor, c)})`;
  const filters = filterSql(params);
  const where = Prisma.join([readableCasesSql(actor, c), ...filters], " AND ");
  const branches = readableCaseBranchesSql(actor, c);
  const filtered = filters.length > 0 ? Prisma.join(filters, " AND ") : Prisma.sql`TRUE`;
  const matches = (source: Source) => newestMatchesSql(source, branches, filtered, candidates);

  const rows = await db.$queryRaw<SqlRow[]>`
    WITH q AS (SELECT ${query} AS q),
    hits (case_id, source, hit_id, part, rank) AS MATERIALIZED (
      ${caseNumber ? Prisma.sql`SELECT c.id, 'CASE_NUMBER', NULL::uuid, NULL::int, 1e6::real FROM "case" c WHERE ${caseNumberHitSql(caseNumber, c)} AND ${where} UNION ALL` : Prisma.empty}
      SELECT h.case_id, 'CASE', NULL::uuid, NULL::int, ts_rank_cd(h.search_vector, q.q) FROM q, (
        ${matches({ columns: Prisma.sql`c.id AS case_id, NULL::uuid AS hit_id, NULL::int AS part, c.search_vector`, from: Prisma.sql`"case" c`, where: Prisma.sql`c.search_vector @@ ${query}`, within: [] })}) h
      UNION ALL
      SELECT h.case_id, 'MOTION', NULL::uuid, NULL::int, ts_rank_cd(h.search_vector, q.q) FROM q, (
        ${matches({ columns: Prisma.sql`c.id AS case_id, m.id AS hit_id, NULL::int AS part, m.search_vector`, from: Prisma.sql`"case" c JOIN motion m ON m.case_id = c.id`, where: Prisma.sql`m.search_vector @@ ${query}`, within: [] })}) h
      UNION ALL
      SELECT h.case_id, 'STATEMENT', h.hit_id, NULL::int, ts_rank_cd(h.search_vector, q.q) FROM q, (
        ${matches({
          columns: Prisma.sql`c.id AS case_id, v.id AS hit_id, NULL::int AS part, v.search_vector`,
          from: Prisma.sql`"case" c JOIN statement s ON s.case_id = c.id JOIN statement_version v ON v.statement_id = s.id AND v.number = s.current_version`,
          where: Prisma.sql`v.search_vector @@ ${query}`,
          within: [],
        })}) h
      UNION ALL
      SELECT h.case_id, 'DOCUMENT', h.hit_id, NULL::int, ts_rank_cd(h.search_vector, q.q) FROM q, (
        ${matches({
          columns: Prisma.sql`c.id AS case_id, d.id AS hit_id, NULL::int AS part, d.search_vector`,
          from: Prisma.sql`"case" c JOIN case_document d ON d.case_id = c.id`,
          where: Prisma.sql`d.search_vector @@ ${query} AND ${readableDocument}`,
          within: [Prisma.sql`d.registered_at`, Prisma.sql`d.id`],
        })}) h
      UNION ALL
      SELECT h.case_id, 'FILE', h.hit_id, h.part, ts_rank_cd(h.search_vector, q.q) FROM q, (
        ${matches({
          columns: Prisma.sql`c.id AS case_id, fp.file_id AS hit_id, fp.ordinal AS part, fp.search_vector`,
          // Through the passage's own case_id and document_id: a case's passages are one probe,
          // where its handlingar (one in twenty has a file) were one each, and no file to plan.
          from: Prisma.sql`"case" c JOIN case_document_file_passage fp ON fp.case_id = c.id JOIN case_document d ON d.id = fp.document_id`,
          where: Prisma.sql`fp.search_vector @@ ${query} AND ${readableDocument}`,
          within: [Prisma.sql`fp.file_id`, Prisma.sql`fp.ordinal`],
        })}) h
    ),
    best AS (
      SELECT DISTINCT ON (case_id) case_id, source, hit_id, part, rank FROM hits ORDER BY case_id, rank DESC, source, hit_id, part
    ),
    page AS (
      SELECT b.*, c.created_at FROM best b JOIN "case" c ON c.id = b.case_id
       ORDER BY b.rank DESC, c.created_at DESC, c.id DESC
       LIMIT ${pageSize + 1} OFFSET ${(page - 1) * pageSize}
    )
    -- The committee, handläggare and series of a hit are scalar subqueries, not joins: with them
    -- the final join list had ten relations, and searching their join orders was 5 of the 13 ms
    -- it took to plan a search (the page has at most 21 rows, so any order is as fast).
    SELECT c.id::text AS "caseId", c.case_number AS "caseNumber", c.title, c.kind::text AS kind, c.status::text AS status,
           c.received_date AS "receivedDate",
           (SELECT short_name FROM committee WHERE id = c.committee_id) AS "committeeShortName",
           (SELECT name FROM app_user WHERE id = c.case_officer_id) AS "caseOfficerName",
           p.source, d.id::text AS "documentId", d.number AS "documentNumber", (SELECT document_number_format FROM registry_series WHERE id = c.series_id) AS "documentNumberFormat", f.file_name AS "fileName", fp.page AS "filePage",
           CASE p.source
             WHEN 'CASE' THEN ${headlineSql(Prisma.sql`concat_ws(' – ', c.title, c.referring_body, c.referring_case_number)`, q)}
             WHEN 'MOTION' THEN ${headlineSql(Prisma.sql`concat_ws(' ', m.number, m.title)`, q)}
             WHEN 'STATEMENT' THEN coalesce(
               (SELECT ${headlineSql(Prisma.sql`t`, q)} FROM jsonb_array_elements_text(${statementTexts}) t WHERE to_tsvector('yttra_swedish', t) @@ q.q LIMIT 1),
               ${headlineSql(Prisma.sql`(SELECT string_agg(t, ' ') FROM jsonb_array_elements_text(${statementTexts}) t)`, q)})
             WHEN 'DOCUMENT' THEN ${headlineSql(Prisma.sql`concat_ws(' – ', d.description, d.counterpart)`, q)}
             WHEN 'FILE' THEN ${headlineSql(Prisma.sql`fp.text`, q)}
           END AS snippet,
           (SELECT coalesce(bool_or(n >= ${candidates}), false) FROM (SELECT count(*) AS n FROM hits WHERE source <> 'CASE_NUMBER' GROUP BY source) counted) AS narrowed
      FROM page p
      JOIN "case" c ON c.id = p.case_id
      CROSS JOIN q
      LEFT JOIN motion m ON p.source = 'MOTION' AND m.case_id = c.id
      LEFT JOIN statement_version v ON p.source = 'STATEMENT' AND v.id = p.hit_id
      LEFT JOIN case_document_file f ON p.source = 'FILE' AND f.id = p.hit_id
      LEFT JOIN case_document_file_passage fp ON p.source = 'FILE' AND fp.file_id = p.hit_id AND fp.ordinal = p.part
      LEFT JOIN case_document d ON (p.source = 'DOCUMENT' AND d.id = p.hit_id) OR (p.source = 'FILE' AND d.id = f.document_id)
     ORDER BY p.rank DESC, p.created_at DESC, c.id DESC`;

  const results = rows.slice(0, pageSize).map(({ documentId, documentNumber, documentNumberFormat, fileName, filePage, narrowed: _narrowed, ...row }): SearchResult => {
    const handling = documentNumber === null ? null : formatDocumentNumber(row.caseNumber, documentNumber, documentNumberFormat);
    return {
      ...row,
      sourceLabel: row.source === "FILE" ? `${handling} – ${fileName}${filePage === null ? "" : `, s. ${filePage}`}` : handling,
      document: documentId === null || documentNumber === null ? null : { id: documentId, number: documentNumber },
    };
  });
  return { results, hasNextPage: rows.length > pageSize, page, narrowed: rows[0]?.narrowed ?? false };
};
