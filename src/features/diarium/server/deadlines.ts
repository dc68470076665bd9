// Bevakning: open deadlines on open cases the actor may read (src/server/authz decides: a
// handläggare sees their own cases, an avdelningschef every case of the department, a
// registrator the committee's). Overdue, due within 14 days, and motions nearing the
// one-year limit of Kommunallagen 5 kap. 35 § (flagged 60 days ahead).
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DeadlineKind } from "@/generated/prisma/enums";
import { can, CASE_SCOPE_SELECT, readableCaseBranchesSql, readableCasesWhere, toCaseScope, worksOnCaseSql } from "@/server/authz";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { isCaseOfficer } from "./case-work";
import { daysBetween } from "@/lib/due-dates";
import { addDays, formatDateOnly, stockholmToday } from "@/lib/dates";

export const DUE_SOON_DAYS = 14;
export const MOTION_WARNING_DAYS = 60;
/** More than this many watched deadlines in 60 days is a backlog, not a list; the page says so. */
export const DEADLINE_LIST_LIMIT = 500;

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
  /** Null when the actor may not read a confidential case's title. */
  caseTitle: string | null;
  caseOfficerName: string;
  /** The actor is the case's handläggare: these come first. */
  own: boolean;
};

export type DeadlineOverview = {
  overdue: DeadlineRow[];
  dueSoon: DeadlineRow[];
  /** Motion deadlines 15–60 days ahead (nearer ones are already in `dueSoon`). */
  motionsApproaching: DeadlineRow[];
  truncated: boolean;
};

export type ListDeadlinesOptions = { actor: Actor; today?: Date };

const toDeadlineRow = (today: Date, row: Omit<DeadlineRow, "daysLeft" | "motionWarning">): DeadlineRow => {
  const daysLeft = daysBetween(today, row.dueDate);
  return { ...row, daysLeft, motionWarning: row.kind === "MOTION_ONE_YEAR" && daysLeft <= MOTION_WARNING_DAYS };
};

/** Own cases first, each group by due date (the given order, kept by the stable sort). */
const ownFirst = (list: DeadlineRow[]) => list.sort((a, b) => Number(b.own) - Number(a.own));

export const listDeadlines = async ({ actor, today = stockholmToday() }: ListDeadlinesOptions): Promise<DeadlineOverview> => {
  const found = await db.deadline.findMany({
    where: {
      completedAt: null,
      dueDate: { lte: addDays(today, MOTION_WARNING_DAYS) },
      case: { AND: [{ status: "OPEN" }, readableCasesWhere(actor)] },
    },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    take: DEADLINE_LIST_LIMIT + 1,
    select: {
      id: true,
      kind: true,
      description: true,
      dueDate: true,
      case: { select: { ...CASE_SCOPE_SELECT, id: true, caseNumber: true, title: true, caseOfficer: { select: { name: true } } } },
    },
  });
  const rows = found.slice(0, DEADLINE_LIST_LIMIT).map(({ case: readCase, ...deadline }) =>
    toDeadlineRow(today, {
      ...deadline,
      caseId: readCase.id,
      caseNumber: readCase.caseNumber,
      caseTitle: can(actor, "case.read", toCaseScope(readCase)) ? readCase.title : null,
      caseOfficerName: readCase.caseOfficer.name,
      own: isCaseOfficer(actor, toCaseScope(readCase)),
    }),
  );
  return {
    overdue: ownFirst(rows.filter((row) => row.daysLeft < 0)),
    dueSoon: ownFirst(rows.filter((row) => row.daysLeft >= 0 && row.daysLeft <= DUE_SOON_DAYS)),
    motionsApproaching: ownFirst(rows.filter((row) => row.daysLeft > DUE_SOON_DAYS && row.kind === "MOTION_ONE_YEAR")),
    truncated: found.length > DEADLINE_LIST_LIMIT,
  };
};

/** Rows per section on the start page; the whole lists are on /bevakning. */
export const START_PAGE_DEADLINES = 10;

/** A start page section: its first rows by due date (the most overdue, or the first due) and how many there are in all. */
export type DeadlineSection = { rows: DeadlineRow[]; total: number };

export type DeadlineSummary = {
  /** The handläggare's own cases (handläggare or medhandläggare). */
  own: { overdue: DeadlineSection; dueSoon: DeadlineSection };
  /** Every readable case: the attester's unit. */
  readable: { overdue: DeadlineSection };
};

type SummarySqlRow = Omit<DeadlineRow, "daysLeft" | "motionWarning"> & { overdue: boolean; total: number };

/**
 * The start page's deadlines (the same as /bevakning within 14 days): per section the first
 * START_PAGE_DEADLINES rows and the section's total, in one query that ranks and counts in the
 * database, so a handläggare with a thousand open deadlines costs as little as one with ten.
 */
export const summarizeDeadlines = async ({ actor, today = stockholmToday() }: ListDeadlinesOptions): Promise<DeadlineSummary> => {
  const c = Prisma.sql`c`;
  // The open cases the actor reads, gathered one policy alternative at a time (each through its
  // own index) rather than by testing the whole policy on every open case.
  const readable = Prisma.join(
    readableCaseBranchesSql(actor, c).map((branch) => Prisma.sql`SELECT c.id FROM "case" c WHERE c.status = 'OPEN' AND ${branch}`),
    " UNION ",
  );
  const found = await db.$queryRaw<SummarySqlRow[]>`
    WITH readable AS (${readable})
    SELECT id, kind, description, "dueDate", "caseId", "caseNumber", "caseTitle", "caseOfficerName", own, overdue, total::int
      FROM (
        SELECT *, row_number() OVER (PARTITION BY own, overdue ORDER BY "dueDate", id::uuid) AS position, count(*) OVER (PARTITION BY own, overdue) AS total
          FROM (
            SELECT d.id::text, d.kind::text, d.description, d.due_date AS "dueDate", c.id::text AS "caseId", c.case_number AS "caseNumber",
                   c.title AS "caseTitle", u.name AS "caseOfficerName", ${worksOnCaseSql(actor.id, c)} AS own, d.due_date < ${formatDateOnly(today)}::date AS overdue
              FROM readable
              JOIN "case" c ON c.id = readable.id
              JOIN deadline d ON d.case_id = c.id
              JOIN app_user u ON u.id = c.case_officer_id
             WHERE d.completed_at IS NULL AND d.due_date <= ${formatDateOnly(addDays(today, DUE_SOON_DAYS))}::date
          ) open_deadline
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
