// The diarium list: cases the actor may read (the policy's `readableCasesWhere`, always
// ANDed with the filters), sorted and paged by keyset — the cursor is the last row's sort
// key and id, so a page is an index range, not an OFFSET, and rows registered meanwhile
// neither repeat nor push rows off a page.
import { escapeLike } from "@/lib/like";
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { CaseStatus } from "@/generated/prisma/enums";
import { can, CASE_SCOPE_SELECT, readableCaseBranches, readableCasesWhere, toCaseScope } from "@/server/authz";
import { caseOfficerOrCoOfficerWhere, MOTION_COMPLETENESS_SELECT, motionToComplete } from "./case-work";
import { z } from "@/lib/zod";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { decodeCursor, encodeCursor } from "../cursor";
import type { TDiariumSearchParams, TDiariumSort } from "../schemas";
import { keysetPage } from "./keyset-page";
import { formatDateOnly, isoDateToDb, stockholmToday } from "@/lib/dates";

export const DIARIUM_PAGE_SIZE = 50;

type SortField = "createdAt" | "dueDate" | "year" | "sequence";
type Direction = "asc" | "desc";
type SortPart = { field: SortField; dir: Direction; nullable: boolean; nullsLast: boolean };
type KeyValue = Date | number | null;

const part = (field: SortField, dir: Direction): SortPart => ({ field, dir, nullable: field === "dueDate", nullsLast: true });

/** Each sort ends with the id (same direction) so that the order is total and the cursor unique. */
const SORTS: Record<TDiariumSort, SortPart[]> = {
  "registrerad-nyast": [part("createdAt", "desc")],
  "registrerad-aldst": [part("createdAt", "asc")],
  // Cases without remisstid last.
  remisstid: [part("dueDate", "asc")],
  "diarienummer-fallande": [part("year", "desc"), part("sequence", "desc")],
  "diarienummer-stigande": [part("year", "asc"), part("sequence", "asc")],
};

/** The cursor's key values, checked per sort before they reach the query. */
const ZCursorKeySchemas: Record<TDiariumSort, z.ZodType<(string | number | null)[]>> = {
  "registrerad-nyast": z.tuple([z.iso.datetime()]),
  "registrerad-aldst": z.tuple([z.iso.datetime()]),
  remisstid: z.tuple([z.iso.date().nullable()]),
  "diarienummer-fallande": z.tuple([z.number().int(), z.number().int()]),
  "diarienummer-stigande": z.tuple([z.number().int(), z.number().int()]),
};

const toKeyValue = (field: SortField, value: string | number | null): KeyValue => {
  if (value === null) return null;
  if (field === "createdAt") return new Date(value as string);
  if (field === "dueDate") return isoDateToDb(value as string);
  return value as number;
};

const fromKeyValue = (field: SortField, value: KeyValue): string | number | null => {
  if (value === null) return null;
  if (field === "createdAt") return (value as Date).toISOString();
  if (field === "dueDate") return formatDateOnly(value as Date);
  return value as number;
};

const reverse = (parts: SortPart[]): SortPart[] =>
  parts.map((p) => ({ ...p, dir: p.dir === "asc" ? "desc" : "asc", nullsLast: !p.nullsLast }));

const where = (field: SortField | "id", condition: unknown): Prisma.CaseWhereInput => ({ [field]: condition }) as Prisma.CaseWhereInput;

/** Rows strictly after `values`/`id` in the order `parts` (then id in the first part's direction). */
const afterKeyset = (parts: SortPart[], values: KeyValue[], id: string): Prisma.CaseWhereInput => {
  const idDir = parts[0]?.dir ?? "desc";
  const alternatives: Prisma.CaseWhereInput[] = [];
  const equalSoFar: Prisma.CaseWhereInput[] = [];
  parts.forEach((p, index) => {
    const value = values[index] ?? null;
    let after: Prisma.CaseWhereInput | null;
    if (value === null) {
      // Nulls sort last: nothing after them but ties; nulls first: every non-null is after.
      after = p.nullsLast ? null : where(p.field, { not: null });
    } else {
      const beyond = where(p.field, p.dir === "asc" ? { gt: value } : { lt: value });
      after = p.nullable && p.nullsLast ? { OR: [beyond, where(p.field, null)] } : beyond;
    }
    if (after) alternatives.push({ AND: [...equalSoFar, after] });
    equalSoFar.push(where(p.field, value));
  });
  alternatives.push({ AND: [...equalSoFar, where("id", idDir === "asc" ? { gt: id } : { lt: id })] });
  const conditions: Prisma.CaseWhereInput[] = [{ OR: alternatives }];
  // A redundant bound on the leading column turns the keyset into an index range condition.
  const lead = parts[0];
  const leadValue = values[0];
  if (lead && !lead.nullable && leadValue !== null && leadValue !== undefined) {
    conditions.push(where(lead.field, lead.dir === "asc" ? { gte: leadValue } : { lte: leadValue }));
  }
  return { AND: conditions };
};

const orderByFor = (parts: SortPart[]): Prisma.CaseOrderByWithRelationInput[] => [
  ...parts.map(
    (p): Prisma.CaseOrderByWithRelationInput =>
      (p.nullable ? { [p.field]: { sort: p.dir, nulls: p.nullsLast ? "last" : "first" } } : { [p.field]: p.dir }) as Prisma.CaseOrderByWithRelationInput,
  ),
  { id: parts[0]?.dir ?? "desc" },
];

export type DiariumFilterInput = Omit<TDiariumSearchParams, "efter" | "fore" | "sortering">;

/** The filters as a Prisma condition (authorization is added separately by the caller). */
export const diariumFilterWhere = (filters: DiariumFilterInput, today: Date): Prisma.CaseWhereInput => {
  const conditions: Prisma.CaseWhereInput[] = [];
  if (filters.namnd) conditions.push({ committeeId: filters.namnd });
  if (filters.ar) conditions.push({ year: filters.ar });
  if (filters.status) conditions.push({ status: filters.status });
  if (filters.handlaggare) conditions.push(caseOfficerOrCoOfficerWhere(filters.handlaggare));
  if (filters.klass) conditions.push({ classificationId: filters.klass });
  if (filters.forsenade) conditions.push({ status: "OPEN", dueDate: { lt: today } });
  if (filters.q) {
    const contains = escapeLike(filters.q);
    // The sender's dnr too: a reminder from kommunstyrelsen quotes their number, not ours.
    conditions.push({
      OR: [{ caseNumber: { contains, mode: "insensitive" } }, { referringCaseNumber: { contains, mode: "insensitive" } }, { title: { contains, mode: "insensitive" } }],
    });
  }
  return { AND: conditions };
};

const ROW_SELECT = {
  ...CASE_SCOPE_SELECT,
  id: true,
  caseNumber: true,
  title: true,
  status: true,
  receivedDate: true,
  dueDate: true,
  createdAt: true,
  year: true,
  sequence: true,
  caseOfficer: { select: { name: true } },
  committee: { select: { municipalityId: true, shortName: true, name: true } },
  motion: { select: MOTION_COMPLETENESS_SELECT },
} satisfies Prisma.CaseSelect;

type CaseRow = Prisma.CaseGetPayload<{ select: typeof ROW_SELECT }>;

export type DiariumRow = {
  id: string;
  caseNumber: string;
  /** Null when the actor may not read the confidential case's title (defence in depth: the list query already excludes such cases). */
  title: string | null;
  confidential: boolean;
  status: CaseStatus;
  receivedDate: Date;
  dueDate: Date | null;
  /** Open and the remisstid has passed. */
  overdue: boolean;
  caseOfficerName: string;
  committeeShortName: string;
  committeeName: string;
  /** Open, with a motion that still lacks motionär or att-sats ("Komplettera"). */
  toComplete: boolean;
};

export type DiariumPage = {
  rows: DiariumRow[];
  /** Cursor for "Nästa sida" (`efter`), null on the last page. */
  nextCursor: string | null;
  /** Cursor for "Föregående sida" (`fore`), null on the first page. */
  prevCursor: string | null;
  /** The URL's cursor could not be used (damaged, or from another sort); the list starts from the beginning. */
  cursorIgnored: boolean;
};

export type ListDiariumCasesOptions = {
  actor: Actor;
  params: TDiariumSearchParams;
  /** Stockholm's today as a date-only value; injectable for tests. */
  today?: Date;
  pageSize?: number;
};

export const listDiariumCases = async ({ actor, params, today = stockholmToday(), pageSize = DIARIUM_PAGE_SIZE }: ListDiariumCasesOptions): Promise<DiariumPage> => {
  const sort = params.sortering ?? "registrerad-nyast";
  const parts = SORTS[sort];
  const cursorOf = (row: CaseRow): string => encodeCursor({ s: sort, k: parts.map((p) => fromKeyValue(p.field, row[p.field])), id: row.id });

  const rawCursor = params.efter ?? params.fore;
  const backwards = !params.efter && Boolean(params.fore);
  let cursor: { values: KeyValue[]; id: string } | null = null;
  let cursorIgnored = false;
  if (rawCursor) {
    const decoded = decodeCursor(rawCursor);
    const keys = decoded && decoded.s === sort ? ZCursorKeySchemas[sort].safeParse(decoded.k) : null;
    if (decoded && keys?.success) cursor = { values: keys.data.map((value, index) => toKeyValue(parts[index]!.field, value)), id: decoded.id };
    else cursorIgnored = true;
  }

  const base: Prisma.CaseWhereInput[] = [readableCasesWhere(actor), diariumFilterWhere(params, today)];
  const fetchPage = async (direction: "forward" | "backward", from: typeof cursor) => {
    const order = direction === "forward" ? parts : reverse(parts);
    return db.case.findMany({
      where: { AND: from ? [...base, afterKeyset(order, from.values, from.id)] : base },
      orderBy: orderByFor(order),
      take: pageSize + 1,
      select: ROW_SELECT,
    });
  };

  const { rows, nextCursor, prevCursor } = await keysetPage({ cursor, backwards, pageSize, fetchPage, cursorOf });

  return {
    rows: rows.map((row) => {
      const scope = toCaseScope(row);
      return {
        id: row.id,
        caseNumber: row.caseNumber,
        title: can(actor, "case.read", scope) ? row.title : null,
        confidential: scope.confidential,
        status: row.status,
        receivedDate: row.receivedDate,
        dueDate: row.dueDate,
        overdue: row.status === "OPEN" && row.dueDate !== null && row.dueDate < today,
        caseOfficerName: row.caseOfficer.name,
        committeeShortName: row.committee.shortName,
        committeeName: row.committee.name,
        toComplete: motionToComplete(row),
      };
    }),
    nextCursor,
    prevCursor,
    cursorIgnored,
  };
};

export type DiariumFilterOptions = {
  committees: { id: string; name: string; shortName: string }[];
  caseOfficers: { id: string; name: string }[];
  classifications: { id: string; code: string; title: string }[];
};

/**
 * Choices for the filter form: only committees, handläggare and classes of cases the actor may
 * read. Committees and classes both belong to a municipality, so one query reads them per
 * municipality; the handläggare are the other. "Has a readable case" is asked per alternative
 * of the policy (readableCaseBranches): an index probe each, not a scan of every case.
 */
export const diariumFilterOptions = async (actor: Actor): Promise<DiariumFilterOptions> => {
  const branches = readableCaseBranches(actor);
  const [municipalities, caseOfficers] = await Promise.all([
    db.municipality.findMany({
      select: {
        committees: { where: { OR: branches.map((branch) => ({ cases: { some: branch } })) }, select: { id: true, name: true, shortName: true } },
        classifications: { where: { OR: branches.map((branch) => ({ cases: { some: branch } })) }, select: { id: true, code: true, title: true } },
      },
    }),
    db.user.findMany({ where: { OR: branches.map((branch) => ({ casesAsOfficer: { some: branch } })) }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    committees: municipalities.flatMap((municipality) => municipality.committees).sort((a, b) => a.name.localeCompare(b.name, "sv")),
    caseOfficers,
    // KLASSA codes in numeric order: 1.2 before 1.10.
    classifications: municipalities.flatMap((municipality) => municipality.classifications).sort((a, b) => a.code.localeCompare(b.code, "sv", { numeric: true })),
  };
};

export const RECENTLY_REGISTERED_DAYS = 7;

/** The registrator's start page: cases registered in the last week that the actor may read (as the diarium lists them). */
export const countRecentlyRegistered = async ({ actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<number> =>
  db.case.count({ where: { AND: [readableCasesWhere(actor), { createdAt: { gte: new Date(now.getTime() - RECENTLY_REGISTERED_DAYS * 86_400_000) } }] } });
