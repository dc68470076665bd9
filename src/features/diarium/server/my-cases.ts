// "Mina ärenden": the open cases the actor is handläggare or medhandläggare of, the most urgent first.
import "server-only";
import type { StatementStatus } from "@/generated/prisma/enums";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/auth/actor";
import { db, PREPARE } from "@/server/db";
import { stockholmToday } from "@/lib/dates";
import { motionToComplete } from "./case-work";

/** The start page shows the most urgent; the diarium, filtered on the handläggare, has them all. */
export const MY_CASES_LIMIT = 50;

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

/** `motionAuthors` and `motionProposals` are null when the case is not a motion. */
type MyCaseSqlRow = Omit<MyCaseRow, "overdue" | "toComplete"> & { motionAuthors: number | null; motionProposals: number | null };

export const listMyOpenCases = async ({ actor, today = stockholmToday() }: { actor: Actor; today?: Date }): Promise<{ rows: MyCaseRow[]; truncated: boolean }> => {
  // The handläggare may read their own cases, confidential ones included (src/server/authz).
  // One query, two ordered index reads: the cases the actor is responsible for, read in order
  // from (case_officer_id, status, due_date, created_at, id), and those they are medhandläggare
  // of. "Handläggare OR medhandläggare" as one condition makes PostgreSQL walk every open case
  // by remisstid and test each one, which for a handläggare with thousands of cases is the
  // slowest part of the start page. Prepared: the plan is the same for every handläggare (the
  // limit is written into the text, so the generic plan knows it).
  const take = Prisma.raw(String(MY_CASES_LIMIT + 1));
  const found = await db.$queryRaw<MyCaseSqlRow[]>`${PREPARE}
    WITH mine AS (
      (SELECT id, due_date, created_at, false AS co_officer FROM "case"
        WHERE case_officer_id = ${actor.id}::uuid AND status = 'OPEN'
        ORDER BY due_date, created_at, id LIMIT ${take})
      UNION ALL
      (SELECT c.id, c.due_date, c.created_at, true FROM case_co_officer co JOIN "case" c ON c.id = co.case_id
        WHERE co.user_id = ${actor.id}::uuid AND c.status = 'OPEN' AND c.case_officer_id <> ${actor.id}::uuid
        ORDER BY c.due_date, c.created_at, c.id LIMIT ${take})
    )
    SELECT c.id::text, c.case_number AS "caseNumber", c.title, c.received_date AS "receivedDate", c.due_date AS "dueDate",
           mine.co_officer AS "coOfficer", cm.short_name AS "committeeShortName", s.status::text AS "statementStatus",
           CASE WHEN m.id IS NOT NULL THEN (SELECT count(*)::int FROM motion_author a WHERE a.motion_id = m.id) END AS "motionAuthors",
           CASE WHEN m.id IS NOT NULL THEN (SELECT count(*)::int FROM motion_proposal p WHERE p.motion_id = m.id) END AS "motionProposals"
      FROM mine
      JOIN "case" c ON c.id = mine.id
      JOIN committee cm ON cm.id = c.committee_id
      LEFT JOIN statement s ON s.case_id = c.id
      LEFT JOIN motion m ON m.case_id = c.id
     ORDER BY mine.due_date, mine.created_at, mine.id
     LIMIT ${take}`;
  return {
    rows: found.slice(0, MY_CASES_LIMIT).map(({ motionAuthors, motionProposals, ...row }) => ({
      ...row,
      toComplete: motionToComplete({ status: "OPEN", motion: motionAuthors === null || motionProposals === null ? null : { _count: { authors: motionAuthors, proposals: motionProposals } } }),
      overdue: row.dueDate !== null && row.dueDate < today,
    })),
    truncated: found.length > MY_CASES_LIMIT,
  };
};
