// The one search engine: PostgreSQL full-text search with the `yttra_swedish` configuration
// (unaccent, then the Swedish stemmer; migration 20261201190000_full_text_search) over the
// generated `search_vector` columns, and direct hits on case numbers. Used by /sok and by the
// public diarium's free text.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { CaseNumberQuery } from "@/lib/case-number-query";
import { HIT_END, HIT_START } from "@/lib/snippet";

/**
 * The typed text as a tsquery: websearch syntax ("citat", OR, -ord), stemmed, and every term
 * as a prefix — the Swedish stemmer cuts "drogscen" to "drogsc" but "drogscenerna" to
 * "drogscen", so the word a user types must also find its longer forms.
 */
export const searchQuerySql = (text: string): Prisma.Sql =>
  Prisma.sql`regexp_replace(websearch_to_tsquery('yttra_swedish', ${text})::text, '''((?:[^'']|'''')+)''', '''\\1'':*', 'g')::tsquery`;

/** ts_headline options: a few short fragments around the hits. */
const HEADLINE_OPTIONS = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/** A highlighted snippet of `text` (SQL) for the query `q` (SQL). */
export const headlineSql = (text: Prisma.Sql, q: Prisma.Sql): Prisma.Sql => Prisma.sql`ts_headline('yttra_swedish', ${text}, ${q}, ${HEADLINE_OPTIONS})`;

/** The case row `c` has the typed case number as its own (year and sequence, and the series prefix if typed). */
export const ownCaseNumberSql = (number: CaseNumberQuery, c: Prisma.Sql): Prisma.Sql => {
  const prefix = number.prefix ? Prisma.sql`AND lower(unaccent(${c}.case_number)) LIKE ${`${number.prefix}%`}` : Prisma.empty;
  return Prisma.sql`(${c}.year = ${number.year} AND ${c}.sequence = ${number.sequence} ${prefix})`;
};

/** The case row `c` has the typed number as the sender's dnr, in either order ("KS 2024/1234", "1234-2024"). */
export const referringCaseNumberSql = (number: CaseNumberQuery, c: Prisma.Sql): Prisma.Sql =>
  Prisma.sql`${c}.referring_case_number ~ ${`(^|[^0-9])(${number.year}[^0-9]+0*${number.sequence}|0*${number.sequence}[^0-9]+${number.year})([^0-9]|$)`}`;

/** The case row `c` has the typed case number: ours or the sender's dnr. */
export const caseNumberHitSql = (number: CaseNumberQuery, c: Prisma.Sql): Prisma.Sql =>
  Prisma.sql`(${ownCaseNumberSql(number, c)} OR ${referringCaseNumberSql(number, c)})`;
