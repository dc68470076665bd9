// "Händelser": a case's audit events in Swedish, for those who may read the case.
import "server-only";
import { canOnCase, CASE_SCOPE_SELECT, toCaseScope } from "@/features/cases/server/case-access";
import { describeCaseEvent } from "@/features/cases/server/timeline";
import { describeMeetingEvent } from "@/features/meetings/history";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

export type CaseHistoryEntry = { seq: bigint; at: Date; actorName: string | null; text: string };

const str = (data: unknown, key: string): string | null => {
  const value = typeof data === "object" && data !== null ? (data as Record<string, unknown>)[key] : null;
  return typeof value === "string" && value !== "" ? value : null;
};

/** Attestation events (this feature's); everything else is described by the cases feature. */
export const describeEvent = (action: string, data: unknown, actorName: string | null): string => {
  const by = actorName ?? "systemet";
  switch (action) {
    case "attestation.send":
      return `${by} skickade tjänsteutlåtandet (version ${String((data as { versionNumber?: number })?.versionNumber ?? "?")}) på attestering`;
    case "attestation.attest":
      return `${str(data, "attesterName") ?? by} attesterade tjänsteutlåtandet (${str(data, "authMethod") ?? "okänd inloggning"})`;
    case "attestation.complete":
      return `Tjänsteutlåtandet blev attesterat av alla attestanter och registrerades som handling ${str(data, "documentNumber") ?? ""}`.trim();
    case "attestation.return": {
      const comment = str(data, "comment");
      return `${by} skickade tillbaka tjänsteutlåtandet${comment ? `: ${comment}` : ""}`;
    }
    case "attestation.withdraw": {
      const reason = str(data, "reason");
      return `${by} återkallade attesteringen; tidigare attesteringar ogiltigförklarades${reason ? `. Skäl: ${reason}` : ""}`;
    }
    default:
      return describeMeetingEvent(action, data, actorName) ?? describeCaseEvent({ action, data, actorName });
  }
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const getCaseHistory = async ({ actor, caseId }: { actor: Actor; caseId: string }) => {
  if (!UUID.test(caseId)) throw new AppError("NOT_FOUND", `Not a case id: ${caseId}`);
  const row = await db.case.findUnique({ where: { id: caseId }, select: { ...CASE_SCOPE_SELECT, id: true, caseNumber: true, title: true } });
  if (!row || !canOnCase(actor, "read", toCaseScope(row))) throw new AppError("NOT_FOUND", `Case ${caseId} not readable`);
  const events = await db.auditEvent.findMany({
    where: { caseId },
    orderBy: { seq: "asc" },
    select: { seq: true, action: true, data: true, createdAt: true, actor: { select: { name: true } } },
  });
  return {
    caseId: row.id,
    caseNumber: row.caseNumber,
    title: row.title,
    entries: events.map((event): CaseHistoryEntry => ({ seq: event.seq, at: event.createdAt, actorName: event.actor?.name ?? null, text: describeEvent(event.action, event.data, event.actor?.name ?? null) })),
  };
};
