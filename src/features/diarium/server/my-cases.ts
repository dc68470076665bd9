// "Mina ärenden": the open cases the actor is handläggare of, the most urgent first.
import "server-only";
import type { StatementStatus } from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { stockholmToday } from "@/lib/dates";

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
};

export const listMyOpenCases = async ({ actor, today = stockholmToday() }: { actor: Actor; today?: Date }): Promise<{ rows: MyCaseRow[]; truncated: boolean }> => {
  // The handläggare may read their own cases, confidential ones included (src/server/authz).
  const found = await db.case.findMany({
    where: { caseOfficerId: actor.id, status: "OPEN" },
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
    take: MY_CASES_LIMIT + 1,
    select: { id: true, caseNumber: true, title: true, receivedDate: true, dueDate: true, committee: { select: { shortName: true } }, statement: { select: { status: true } } },
  });
  return {
    rows: found.slice(0, MY_CASES_LIMIT).map(({ committee, statement, ...row }) => ({
      ...row,
      statementStatus: statement?.status ?? null,
      overdue: row.dueDate !== null && row.dueDate < today,
      committeeShortName: committee.shortName,
    })),
    truncated: found.length > MY_CASES_LIMIT,
  };
};
