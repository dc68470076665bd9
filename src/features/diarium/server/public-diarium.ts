// The public diarium (no login): the handlingar registered in a municipality's committees, with what
// the law lets anyone see (for a remissmissiv: the remissinstanser and whether they have answered). For a confidential handling — or any handling in a confidential
// case — the description, the sender/recipient and the case title are nulled IN THE SQL,
// so protected values never leave the database for this page: not into HTML, caches or
// logs. Free-text search (the search engine, with Swedish stemming) only looks at values that would be shown, so a search cannot
// reveal hidden text by whether a row matches.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { CaseStatus, DocumentDirection } from "@/generated/prisma/enums";
import { formatDocumentNumber } from "@/lib/case-number";
import { parseCaseNumberQuery } from "@/lib/case-number-query";
import { z } from "@/lib/zod";
import { db } from "@/server/db";
import { ownCaseNumberSql, referringCaseNumberSql, searchQuerySql } from "@/server/full-text";
import { decodeCursor, encodeCursor } from "../cursor";
import type { TPublicDiariumSearchParams } from "../schemas";
import { escapeLike } from "@/lib/like";
import { keysetPage } from "./keyset-page";

export const PUBLIC_DIARIUM_PAGE_SIZE = 50;
const SORT_KEY = "publik";

type SqlRow = {
  id: string;
  number: number;
  registeredAt: Date;
  documentDate: Date;
  direction: DocumentDirection;
  caseNumber: string;
  documentNumberFormat: string;
  caseStatus: CaseStatus;
  committeeShortName: string;
  committeeName: string;
  secrecyReference: string | null;
  description: string | null;
  counterpart: string | null;
  caseTitle: string | null;
  referralInstances: PublicReferralInstance[] | null;
};

/**
 * A remissinstans the handling (a remissmissiv) was sent to, with what is public about it:
 * that it was asked, its remisstid and whether it has answered (not its position).
 */
export type PublicReferralInstance = { name: string; status: "SENT" | "ACCEPTED" | "RETURNED" | "ANSWERED"; dueDate: string; answeredDate: string | null };

export type PublicDiariumRow = Omit<SqlRow, "number" | "documentNumberFormat" | "secrecyReference"> & {
  documentNumber: string;
  /** The OSL reference when the handling or its case is confidential; the protected fields are then null. */
  secrecyReference: string | null;
};

export type PublicDiariumPage = {
  rows: PublicDiariumRow[];
  nextCursor: string | null;
  prevCursor: string | null;
  cursorIgnored: boolean;
};

/** True when the row may show its content: neither the handling nor its case is confidential. */
const IS_PUBLIC = Prisma.sql`(d.secrecy_reference IS NULL AND c.secrecy_reference IS NULL)`;

/** "HÄS 2024/123-2": the case number typed with a handling number. */
const WITH_HANDLING_NUMBER = /^(.*\S)\s*-\s*(\d{1,5})$/u;

/** The ways a handling matches the free text `q` (each a condition on d and c), see the caller. */
const freeTextBranches = (q: string): Prisma.Sql[] => {
  const query = searchQuerySql(q);
  const caseNumber = parseCaseNumberQuery(q);
  const withHandling = WITH_HANDLING_NUMBER.exec(q.trim());
  return [
    Prisma.sql`${IS_PUBLIC} AND d.search_vector @@ ${query}`,
    Prisma.sql`${IS_PUBLIC} AND c.search_vector @@ ${query}`,
    // Numbers are always shown. ILIKE on case_number alone uses its trigram index.
    Prisma.sql`c.case_number ILIKE ${`%${escapeLike(q.trim())}%`}`,
    // The sender's dnr is the case's content: a confidential case is not found by it (its row would say it came from there).
    ...(caseNumber ? [Prisma.sql`(${ownCaseNumberSql(caseNumber, Prisma.sql`c`)} OR (${IS_PUBLIC} AND ${referringCaseNumberSql(caseNumber, Prisma.sql`c`)}))`] : []),
    ...(withHandling ? [Prisma.sql`c.case_number ILIKE ${`%${escapeLike(withHandling[1]!)}`} AND d.number = ${Number(withHandling[2])}`] : []),
  ];
};

const ZPublicCursorKeySchema = z.tuple([z.iso.datetime()]);

/** A municipality's public diarium: only its committees' handlingar. */
export type ListPublicDiariumOptions = { municipalityId: string; params: TPublicDiariumSearchParams; pageSize?: number };

export const listPublicDiarium = async ({ municipalityId, params, pageSize = PUBLIC_DIARIUM_PAGE_SIZE }: ListPublicDiariumOptions): Promise<PublicDiariumPage> => {
  const rawCursor = params.efter ?? params.fore;
  const backwards = !params.efter && Boolean(params.fore);
  let cursor: { registeredAt: Date; id: string } | null = null;
  let cursorIgnored = false;
  if (rawCursor) {
    const decoded = decodeCursor(rawCursor);
    const keys = decoded && decoded.s === SORT_KEY ? ZPublicCursorKeySchema.safeParse(decoded.k) : null;
    if (decoded && keys?.success) cursor = { registeredAt: new Date(keys.data[0]), id: decoded.id };
    else cursorIgnored = true;
  }

  const filters: Prisma.Sql[] = [Prisma.sql`cm.municipality_id = ${municipalityId}`];
  if (params.namnd) filters.push(Prisma.sql`c.committee_id = ${params.namnd}`);
  // Free text: a handling matches by its or its case's public text (the search engine,
  // src/server/full-text.ts) or by its number — the case number typed in part or in any common
  // form, optionally with "-<handling number>". Each way is its own branch, ordered and
  // limited like the page, so each can use its index: the text's GIN index for a rare word,
  // the registration order for a common one, the case number's trigram index for a number.
  const textBranches = params.q ? freeTextBranches(params.q) : [Prisma.sql`true`];

  const fetchPage = (direction: "forward" | "backward", from: typeof cursor): Promise<SqlRow[]> => {
    // registered_at is a UTC timestamp without zone: convert explicitly, whatever the session's time zone.
    const at = from ? Prisma.sql`(${from.registeredAt.toISOString()}::timestamptz AT TIME ZONE 'UTC')` : null;
    const keyset = from
      ? direction === "forward"
        ? Prisma.sql`(d.registered_at, d.id) < (${at}, ${from.id}::uuid)`
        : Prisma.sql`(d.registered_at, d.id) > (${at}, ${from.id}::uuid)`
      : null;
    const conditions = keyset ? [...filters, keyset] : filters;
    const order = direction === "forward" ? Prisma.sql`d.registered_at DESC, d.id DESC` : Prisma.sql`d.registered_at ASC, d.id ASC`;
    const branches = textBranches.map(
      (match) => Prisma.sql`(SELECT d.id, d.registered_at FROM case_document d JOIN "case" c ON c.id = d.case_id JOIN committee cm ON cm.id = c.committee_id
                              WHERE ${Prisma.join([...conditions, match], " AND ")} ORDER BY ${order} LIMIT ${pageSize + 1})`,
    );
    return db.$queryRaw<SqlRow[]>`
      SELECT d.id::text AS "id", d.number AS "number", d.registered_at AS "registeredAt", d.document_date AS "documentDate",
             d.direction::text AS "direction", c.case_number AS "caseNumber", s.document_number_format AS "documentNumberFormat", c.status::text AS "caseStatus",
             cm.short_name AS "committeeShortName", cm.name AS "committeeName",
             COALESCE(d.secrecy_reference, c.secrecy_reference) AS "secrecyReference",
             CASE WHEN ${IS_PUBLIC} THEN d.description END AS "description",
             CASE WHEN ${IS_PUBLIC} THEN d.counterpart END AS "counterpart",
             CASE WHEN ${IS_PUBLIC} THEN c.title END AS "caseTitle",
             -- The remissinstanser of a remissmissiv, masked like the recipient it names.
             CASE WHEN ${IS_PUBLIC} THEN (
               SELECT json_agg(json_build_object('name', r.name, 'status', r.status::text, 'dueDate', to_char(r.due_date, 'YYYY-MM-DD'),
                                                 'answeredDate', to_char(r.answered_date, 'YYYY-MM-DD')) ORDER BY r.id)
                 FROM referral_recipient r WHERE r.outgoing_document_id = d.id
             ) END AS "referralInstances"
        FROM (${Prisma.join(branches, " UNION ")}) hit
        JOIN case_document d ON d.id = hit.id
        JOIN "case" c ON c.id = d.case_id
        JOIN registry_series s ON s.id = c.series_id
        JOIN committee cm ON cm.id = c.committee_id
       ORDER BY ${order}
       LIMIT ${pageSize + 1}`;
  };

  const cursorOf = (row: SqlRow): string => encodeCursor({ s: SORT_KEY, k: [row.registeredAt.toISOString()], id: row.id });

  const { rows, nextCursor, prevCursor } = await keysetPage({ cursor, backwards, pageSize, fetchPage, cursorOf });

  return {
    rows: rows.map(({ number, documentNumberFormat, ...row }) => ({ ...row, documentNumber: formatDocumentNumber(row.caseNumber, number, documentNumberFormat) })),
    nextCursor,
    prevCursor,
    cursorIgnored,
  };
};

/** Every committee of the municipality: its public diarium covers them all. */
export const publicDiariumCommittees = (municipalityId: string) =>
  db.committee.findMany({ where: { municipalityId }, select: { id: true, name: true, shortName: true }, orderBy: { name: "asc" } });
