// "Händelser": a case's audit events in Swedish, for those who may read the case.
import "server-only";
import { can, findCaseWithScope, toCaseScope } from "@/server/authz";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { describeAuditHistory, type AuditHistoryEntry } from "@/server/audit-actions";
import { AppError } from "@/server/errors";

export type CaseHistoryEntry = AuditHistoryEntry;

/**
 * Events per page of "Händelser", oldest first. A samlingsärende gathers thousands (three or
 * more for every handling), read and rendered a page at a time; consecutive saves that a page
 * boundary divides are summed up on each side of it.
 */
export const CASE_HISTORY_PAGE_SIZE = 500;

export const getCaseHistory = async ({ actor, caseId, page = 1 }: { actor: Actor; caseId: string; page?: number }) => {
  const row = await findCaseWithScope(db, caseId, { id: true, caseNumber: true, title: true, _count: { select: { auditEvents: true } } });
  if (!row || !can(actor, "case.read", toCaseScope(row))) throw new AppError("NOT_FOUND", `Case ${caseId} not readable`);
  const events = await db.auditEvent.findMany({
    where: { caseId },
    orderBy: { seq: "asc" },
    skip: (page - 1) * CASE_HISTORY_PAGE_SIZE,
    take: CASE_HISTORY_PAGE_SIZE,
    select: { seq: true, action: true, data: true, createdAt: true, actor: { select: { name: true } } },
  });
  const total = row._count.auditEvents;
  return {
    caseId: row.id,
    caseNumber: row.caseNumber,
    title: row.title,
    page,
    pages: Math.ceil(total / CASE_HISTORY_PAGE_SIZE),
    /** Events (not entries) of the case, and the first and last number of this page's. */
    total,
    first: (page - 1) * CASE_HISTORY_PAGE_SIZE + 1,
    last: (page - 1) * CASE_HISTORY_PAGE_SIZE + events.length,
    entries: describeAuditHistory(events.map((event) => ({ ...event, actorName: event.actor?.name ?? null }))),
  };
};
