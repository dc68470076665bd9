// Bevakning: open deadlines on open cases the actor may read (src/server/authz decides: a
// handläggare sees their own cases, an avdelningschef every case of the department, a
// registrator the committee's). Overdue, due within 14 days, and motions nearing the
// one-year limit of Kommunallagen 5 kap. 35 § (flagged 60 days ahead).
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DeadlineKind } from "@/generated/prisma/enums";
import { readableCaseBranchesSql, worksOnCaseSql } from "@/server/authz";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { daysBetween } from "@/lib/due-dates";
import { addDays, formatDateOnly, stockholmToday } from "@/lib/dates";

export const DUE_SOON_DAYS = 14;
export const MOTION_WARNING_DAYS = 60;
/** Rows of a section on /bevakning, and per page when one section is paged through. */
export const DEADLINE_SECTION_ROWS = 50;

export type DeadlineRow = {
  id: string;
  kind: DeadlineKind;
  description: string;
  dueDate: Date;
  /** Negative when overdue. */
  daysLeft: number;
  /** A motion within 60 days of (or past) its one-year limit. */
  motionWarning: boolean;
  caseId: string;
  caseNumber: string;
  /** Of a case the actor reads (the policy chose it). */
  caseTitle: string;
  caseOfficerName: string;
  /** The actor is the case's handläggare: these come first. */
  own: boolean;
};

/** /bevakning's sections: overdue, due within 14 days, and motions 15–60 days from the one-year limit (nearer ones are already due soon). */
export type DeadlineSectionKey = "overdue" | "dueSoon" | "motionsApproaching";

/** A section: its rows (the first, or one page of them) and how many there are in all. */
export type DeadlineSection = { rows: DeadlineRow[]; total: number };

export type DeadlineOverview = Record<DeadlineSectionKey, DeadlineSection>;

export type ListDeadlinesOptions = { actor: Actor; today?: Date };

const toDeadlineRow = (today: Date, row: Omit<DeadlineRow, "daysLeft" | "motionWarning">): DeadlineRow => {
  const daysLeft = daysBetween(today, row.dueDate);
  return { ...row, daysLeft, motionWarning: row.kind === "MOTION_ONE_YEAR" && daysLeft <= MOTION_WARNING_DAYS };
};

type OpenDeadlineSqlRow = Omit<DeadlineRow, "daysLeft" | "motionWarning">;

/**
 * The open deadlines (due by `until`) of open cases the actor reads, as rows `open_deadline`
 * with `own` and `dueDate`. The cases are gathered one policy alternative at a time (each
 * through its own index) rather than by testing the whole policy on every open case.
 */
const openDeadlinesSql = (actor: Actor, until: Date) => {
  const c = Prisma.sql`c`;
  const readable = Prisma.join(
    readableCaseBranchesSql(actor, c).map((branch) => Prisma.sql`SELECT c.id FROM "case" c WHERE c.status = 'OPEN' AND ${branch}`),
    " UNION ",
  );
  return Prisma.sql`
    WITH readable AS (${readable}),
    open_deadline AS (
      SELECT d.id::text, d.kind::text, d.description, d.due_date AS "dueDate", c.id::text AS "caseId", c.case_number AS "caseNumber",
             c.title AS "caseTitle", u.name AS "caseOfficerName", ${worksOnCaseSql(actor.id, c)} AS own
        FROM readable
        JOIN "case" c ON c.id = readable.id
        JOIN deadline d ON d.case_id = c.id
        JOIN app_user u ON u.id = c.case_officer_id
       WHERE d.completed_at IS NULL AND d.due_date <= ${formatDateOnly(until)}::date
    )`;
};

export type ListDeadlinesPageOptions = ListDeadlinesOptions & {
  /** One section paged through (`page` from 1); the others keep their first rows. */
  paged?: { section: DeadlineSectionKey; page: number };
};

/**
 * /bevakning: each section's first DEADLINE_SECTION_ROWS (or one page of the paged section),
 * the handläggare's own first, then by due date; and each section's total. Ranked and counted
 * in the database in one query, so a committee with thousands of open deadlines costs as much
 * as one with ten, and a long overdue list never hides what falls due soon.
 */
export const listDeadlines = async ({ actor, today = stockholmToday(), paged }: ListDeadlinesPageOptions): Promise<DeadlineOverview> => {
  const offset = paged ? (paged.page - 1) * DEADLINE_SECTION_ROWS : 0;
  const window = Prisma.sql`CASE WHEN r.section = ${paged?.section ?? null} THEN ${offset} ELSE 0 END`;
  // Each section's total, with the rows of its window (none when a page is past its end).
  const found = await db.$queryRaw<({ section: DeadlineSectionKey; total: number } & (OpenDeadlineSqlRow | { [K in keyof OpenDeadlineSqlRow]: null }))[]>`
    ${openDeadlinesSql(actor, addDays(today, MOTION_WARNING_DAYS))},
    ranked AS (
      SELECT *, row_number() OVER (PARTITION BY section ORDER BY own DESC, "dueDate", id::uuid) AS position
        FROM (
          SELECT *, CASE WHEN "dueDate" < ${formatDateOnly(today)}::date THEN 'overdue'
                         WHEN "dueDate" <= ${formatDateOnly(addDays(today, DUE_SOON_DAYS))}::date THEN 'dueSoon'
                         WHEN kind = 'MOTION_ONE_YEAR' THEN 'motionsApproaching' END AS section
            FROM open_deadline
        ) sectioned
       WHERE section IS NOT NULL
    ),
    totals AS (SELECT section, count(*)::int AS total FROM ranked GROUP BY section)
    SELECT t.section, t.total, r.id, r.kind, r.description, r."dueDate", r."caseId", r."caseNumber", r."caseTitle", r."caseOfficerName", r.own
      FROM totals t
      LEFT JOIN ranked r ON r.section = t.section AND r.position > ${window} AND r.position <= ${window} + ${DEADLINE_SECTION_ROWS}
     ORDER BY t.section, r.position`;
  const section = (key: DeadlineSectionKey): DeadlineSection => {
    const rows = found.filter((row) => row.section === key);
    return {
      rows: rows.flatMap(({ section: _section, total: _total, ...row }) => (row.id === null ? [] : [toDeadlineRow(today, row)])),
      total: rows[0]?.total ?? 0,
    };
  };
  return { overdue: section("overdue"), dueSoon: section("dueSoon"), motionsApproaching: section("motionsApproaching") };
};

/** Rows per section on the start page; the whole lists are on /bevakning. */
export const START_PAGE_DEADLINES = 10;

export type DeadlineSummary = {
  /** The handläggare's own cases (handläggare or medhandläggare). */
  own: { overdue: DeadlineSection; dueSoon: DeadlineSection };
  /** Every readable case: the attester's unit. */
  readable: { overdue: DeadlineSection };
};

/**
 * The start page's deadlines (the same as /bevakning within 14 days): per section the first
 * START_PAGE_DEADLINES rows and the section's total, in one query that ranks and counts in the
 * database, so a handläggare with a thousand open deadlines costs as little as one with ten.
 */
export const summarizeDeadlines = async ({ actor, today = stockholmToday() }: ListDeadlinesOptions): Promise<DeadlineSummary> => {
  const found = await db.$queryRaw<(OpenDeadlineSqlRow & { overdue: boolean; total: number })[]>`
    ${openDeadlinesSql(actor, addDays(today, DUE_SOON_DAYS))}
    SELECT id, kind, description, "dueDate", "caseId", "caseNumber", "caseTitle", "caseOfficerName", own, overdue, total::int
      FROM (
        SELECT *, row_number() OVER (PARTITION BY own, overdue ORDER BY "dueDate", id::uuid) AS position, count(*) OVER (PARTITION BY own, overdue) AS total
          FROM (SELECT *, "dueDate" < ${formatDateOnly(today)}::date AS overdue FROM open_deadline) flagged
      ) ranked
     WHERE position <= ${START_PAGE_DEADLINES}
     ORDER BY "dueDate", id::uuid`;
  const section = (own: boolean | null, overdue: boolean): DeadlineSection => {
    const rows = found.filter((row) => row.overdue === overdue && (own === null || row.own === own));
    const total = [...new Map(rows.map((row) => [row.own, row.total])).values()].reduce((sum, count) => sum + count, 0);
    return { rows: rows.map(({ overdue: _overdue, total: _total, ...row }) => toDeadlineRow(today, row)).slice(0, START_PAGE_DEADLINES), total };
  };
  return { own: { overdue: section(true, true), dueSoon: section(true, false) }, readable: { overdue: section(null, true) } };
};
