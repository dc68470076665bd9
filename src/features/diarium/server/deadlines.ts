// Bevakning: open deadlines on open cases the actor may read (src/server/authz decides: a
// handläggare sees their own cases, an avdelningschef every case of the department, a
// registrator the committee's). Overdue, due within 14 days, and motions nearing the
// one-year limit of Kommunallagen 5 kap. 35 § (flagged 60 days ahead).
import "server-only";
import type { DeadlineKind } from "@/generated/prisma/enums";
import { can, CASE_SCOPE_SELECT, readableCasesWhere, toCaseScope } from "@/server/authz";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { isCaseOfficer } from "./case-work";
import { daysBetween } from "@/lib/due-dates";
import { addDays, stockholmToday } from "@/lib/dates";

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
  const rows = found.slice(0, DEADLINE_LIST_LIMIT).map((deadline): DeadlineRow => {
    const daysLeft = daysBetween(today, deadline.dueDate);
    return {
      id: deadline.id,
      kind: deadline.kind,
      description: deadline.description,
      dueDate: deadline.dueDate,
      daysLeft,
      motionWarning: deadline.kind === "MOTION_ONE_YEAR" && daysLeft <= MOTION_WARNING_DAYS,
      caseId: deadline.case.id,
      caseNumber: deadline.case.caseNumber,
      caseTitle: can(actor, "case.read", toCaseScope(deadline.case)) ? deadline.case.title : null,
      caseOfficerName: deadline.case.caseOfficer.name,
      own: isCaseOfficer(actor, toCaseScope(deadline.case)),
    };
  });
  // Own cases first, each group by due date (the query's order, kept by the stable sort).
  const ownFirst = (list: DeadlineRow[]) => list.sort((a, b) => Number(b.own) - Number(a.own));
  return {
    overdue: ownFirst(rows.filter((row) => row.daysLeft < 0)),
    dueSoon: ownFirst(rows.filter((row) => row.daysLeft >= 0 && row.daysLeft <= DUE_SOON_DAYS)),
    motionsApproaching: ownFirst(rows.filter((row) => row.daysLeft > DUE_SOON_DAYS && row.kind === "MOTION_ONE_YEAR")),
    truncated: found.length > DEADLINE_LIST_LIMIT,
  };
};

export type DeadlineCounts = { overdue: number; dueSoon: number };

/** The start page's counts; the same cases and deadlines as /bevakning. */
export const countDeadlines = async ({ actor, today = stockholmToday() }: ListDeadlinesOptions): Promise<DeadlineCounts> => {
  const open = { completedAt: null, case: { AND: [{ status: "OPEN" as const }, readableCasesWhere(actor)] } };
  const [overdue, dueSoon] = await Promise.all([
    db.deadline.count({ where: { ...open, dueDate: { lt: today } } }),
    db.deadline.count({ where: { ...open, dueDate: { gte: today, lte: addDays(today, DUE_SOON_DAYS) } } }),
  ]);
  return { overdue, dueSoon };
};
