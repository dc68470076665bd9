// "Händelser": a case's audit events in Swedish, for those who may read the case.
import "server-only";
import { can, findCaseWithScope, toCaseScope } from "@/server/authz";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { CASE_HISTORY_PAGE_SIZE, describeAuditHistory, type AuditHistoryEntry } from "@/server/audit-actions";
import { AppError } from "@/server/errors";

export type CaseHistoryEntry = AuditHistoryEntry;

/** One page of a case's events, oldest first (CASE_HISTORY_PAGE_SIZE a page), for one who may read the case. */
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
    /** Events (not entries: a run of saves is one) of the case, and of this page. */
    total,
    shown: events.length,
    entries: describeAuditHistory(events.map((event) => ({ ...event, actorName: event.actor?.name ?? null }))),
  };
};
