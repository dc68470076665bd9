// Attestations and their audit events prove each other. Every attestation writes an
// "attestation.attest" event (same transaction) whose data repeats the step's binding
// fields; the händelselogg is hash-chained and append-only. So a direct SQL UPDATE of an
// attestation_step row (new hash, other name, other time) no longer matches its event,
// and an edit of the event itself breaks the event's own hash. `npm run audit:verify`
// and the verification page both use these checks.
import "server-only";
import type { AttestationStep, AuditEvent } from "@/generated/prisma/client";
import { hashAuditEvent } from "@/server/audit";
import { db, type Db, type Tx } from "@/server/db";

export const ATTEST_ACTION = "attestation.attest";
export const STEP_ENTITY = "AttestationStep";

type StepBinding = Pick<AttestationStep, "id" | "requestId" | "position" | "role" | "attestedAt" | "attesterName" | "attesterTitle" | "authMethod" | "attestedHash">;

/** The audit data of an attestation: exactly the fields that bind it. */
export const attestAuditData = (step: StepBinding): Record<string, string | number | null> => ({
  stepId: step.id,
  requestId: step.requestId,
  position: step.position,
  role: step.role,
  attestedHash: step.attestedHash,
  attestedAt: step.attestedAt ? step.attestedAt.toISOString() : null,
  attesterName: step.attesterName,
  attesterTitle: step.attesterTitle,
  authMethod: step.authMethod,
});

/** Swedish descriptions of every difference between a step and its audit event. */
export const compareStepWithAudit = (step: StepBinding, event: Pick<AuditEvent, "data"> | null | undefined): string[] => {
  if (!event) return ["attesteringen saknar händelse i händelseloggen"];
  const recorded = (event.data ?? {}) as Record<string, unknown>;
  const expected = attestAuditData(step);
  const LABELS: Record<string, string> = {
    stepId: "steget",
    requestId: "begäran",
    position: "ordningen",
    role: "rollen",
    attestedHash: "kontrollsumman",
    attestedAt: "tidpunkten",
    attesterName: "namnet",
    attesterTitle: "titeln",
    authMethod: "inloggningssättet",
  };
  return Object.entries(expected)
    .filter(([key, value]) => (recorded[key] ?? null) !== value)
    .map(([key]) => `${LABELS[key] ?? key} i attesteringen stämmer inte med händelseloggen`);
};

type Client = Db | Tx;

/** The event's own hash and its link to the previous event's hash (a cheap, local chain check). */
const auditEventIntact = (event: AuditEvent, previousHash: string | undefined): boolean =>
  hashAuditEvent(event) === event.hash && (event.seq === 1n || previousHash === event.prevHash);

export type StepAuditCheck = { stepId: string; problems: string[] };

/** An event with the hash of the one before it in the chain (null for the first). */
type ChainedEvent = AuditEvent & { previousHash: string | null };

/** Checks attested steps against their events; steps without attestation data are skipped. */
export const checkStepsAgainstAudit = async (client: Client, steps: readonly StepBinding[]): Promise<StepAuditCheck[]> => {
  const attested = steps.filter((step) => step.attestedAt !== null || step.attestedHash !== null);
  if (attested.length === 0) return [];
  // The events with the hash of the event just before each in the chain, in one query.
  const events = await client.$queryRaw<ChainedEvent[]>`
    SELECT e.id, e.seq, e.actor_id::text AS "actorId", e.action, e.entity_type AS "entityType", e.entity_id AS "entityId", e.case_id::text AS "caseId",
           e.data, e.prev_hash AS "prevHash", e.hash, e.created_at AS "createdAt", p.hash AS "previousHash"
      FROM audit_event e
      LEFT JOIN audit_event p ON p.seq = e.seq - 1
     WHERE e.entity_type = ${STEP_ENTITY} AND e.action = ${ATTEST_ACTION} AND e.entity_id = ANY(${attested.map((step) => step.id)}::text[])
     ORDER BY e.seq`;
  const byStep = new Map<string, ChainedEvent[]>();
  for (const event of events) byStep.set(event.entityId, [...(byStep.get(event.entityId) ?? []), event]);
  return attested.map((step) => {
    const stepEvents = byStep.get(step.id) ?? [];
    const problems = stepEvents.length > 1 ? ["steget har attesterats mer än en gång i händelseloggen"] : compareStepWithAudit(step, stepEvents[0]);
    const event = stepEvents[0];
    if (event && !auditEventIntact(event, event.previousHash ?? undefined)) problems.push("attesteringens händelse i händelseloggen har ändrats");
    return { stepId: step.id, problems };
  });
};

export type AttestationAuditResult = { ok: boolean; steps: number; events: number; problems: { stepId: string; reason: string }[] };

/**
 * Every attestation against its event, and every event against its attestation: neither
 * may exist without the other (they are written in one transaction).
 */
export const verifyAttestationsAgainstAudit = async (client: Client = db): Promise<AttestationAuditResult> => {
  const problems: { stepId: string; reason: string }[] = [];
  const BATCH = 1_000;
  let steps = 0;
  let cursor: string | undefined;
  const seen = new Set<string>();
  for (;;) {
    const batch = await client.attestationStep.findMany({
      where: { OR: [{ attestedAt: { not: null } }, { attestedHash: { not: null } }, { status: "ATTESTED" }] },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (batch.length === 0) break;
    for (const check of await checkStepsAgainstAudit(client, batch)) {
      for (const reason of check.problems) problems.push({ stepId: check.stepId, reason });
    }
    for (const step of batch) {
      seen.add(step.id);
      if (step.status === "ATTESTED" && (!step.attestedAt || !step.attestedHash)) problems.push({ stepId: step.id, reason: "attesterat steg saknar tidpunkt eller kontrollsumma" });
    }
    steps += batch.length;
    cursor = batch[batch.length - 1]!.id;
  }
  const events = await client.auditEvent.findMany({ where: { action: ATTEST_ACTION, entityType: STEP_ENTITY }, select: { entityId: true } });
  for (const event of events) {
    if (!seen.has(event.entityId)) problems.push({ stepId: event.entityId, reason: "händelseloggen har en attestering som saknas bland attesteringarna" });
  }
  return { ok: problems.length === 0, steps, events: events.length, problems };
};
