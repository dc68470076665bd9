// "Mina ärenden": the open cases the actor is handläggare or medhandläggare of, the most urgent first.
import "server-only";
import type { StatementStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { stockholmToday } from "@/lib/dates";
import { caseOfficerOrCoOfficerWhere, MOTION_COMPLETENESS_SELECT, motionToComplete } from "./case-work";

export const MY_CASES_LIMIT = 100;

export type MyCaseRow = {
  id: string;
  caseNumber: string;
  title: string;
  receivedDate: Date;
  dueDate: Date | null;
  overdue: boolean;
  committeeShortName: string;
  /** Null: no tjänsteutlåtande yet. */
  statementStatus: StatementStatus | null;
  /** The actor is medhandläggare, not the responsible handläggare. */
  coOfficer: boolean;
  /** A motion that still lacks motionär or att-sats. */
  toComplete: boolean;
};

export const listMyOpenCases = async ({ actor, today = stockholmToday() }: { actor: Actor; today?: Date }): Promise<{ rows: MyCaseRow[]; truncated: boolean }> => {
  // The handläggare may read their own cases, confidential ones included (src/server/authz).
  const found = await db.case.findMany({
    where: { AND: [caseOfficerOrCoOfficerWhere(actor.id), { status: "OPEN" }] },
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
    take: MY_CASES_LIMIT + 1,
    select: {
      id: true,
      caseNumber: true,
      title: true,
      status: true,
      receivedDate: true,
      dueDate: true,
      caseOfficerId: true,
      committee: { select: { shortName: true } },
      statement: { select: { status: true } },
      motion: { select: MOTION_COMPLETENESS_SELECT },
    },
  });
  return {
    rows: found.slice(0, MY_CASES_LIMIT).map(({ committee, statement, motion, status, caseOfficerId, ...row }) => ({
      ...row,
      statementStatus: statement?.status ?? null,
      coOfficer: caseOfficerId !== actor.id,
      toComplete: motionToComplete({ status, motion }),
      overdue: row.dueDate !== null && row.dueDate < today,
      committeeShortName: committee.shortName,
    })),
    truncated: found.length > MY_CASES_LIMIT,
  };
};
