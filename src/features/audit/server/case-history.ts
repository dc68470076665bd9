// "Händelser": a case's audit events in Swedish, for those who may read the case.
import "server-only";
import { can, findCaseWithScope, toCaseScope } from "@/server/authz";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { describeAuditHistory, type AuditHistoryEntry } from "@/server/audit-actions";
import { AppError } from "@/server/errors";

export type CaseHistoryEntry = AuditHistoryEntry;


export const getCaseHistory = async ({ actor, caseId }: { actor: Actor; caseId: string }) => {
  const row = await findCaseWithScope(db, caseId, { id: true, caseNumber: true, title: true });
  if (!row || !can(actor, "case.read", toCaseScope(row))) throw new AppError("NOT_FOUND", `Case ${caseId} not readable`);
  const events = await db.auditEvent.findMany({
    where: { caseId },
    orderBy: { seq: "asc" },
    select: { seq: true, action: true, data: true, createdAt: true, actor: { select: { name: true } } },
  });
  return {
    caseId: row.id,
    caseNumber: row.caseNumber,
    title: row.title,
    entries: describeAuditHistory(events.map((event) => ({ ...event, actorName: event.actor?.name ?? null }))),
  };
};
