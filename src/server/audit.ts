// The händelselogg. Every write records its event through `recordAudit`, inside the
// same transaction as the change. Rows are hash-chained: each row's hash covers its
// content and the previous row's hash, so an edit made directly in SQL breaks the chain
// (the table also refuses UPDATE and DELETE, see the first migration).
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { canonicalJson, type CanonicalValue } from "@/lib/canonical-json";
import { sha256Hex } from "@/lib/hash";
import { assertAuditData, type TAuditAction } from "@/server/audit-actions";
import type { Tx } from "@/server/db";

/** Serialises writers of the chain; held until the transaction ends. */
const AUDIT_CHAIN_LOCK = 7_265_001;
export const GENESIS_HASH = "0".repeat(64);

export type AuditInput = {
  actorId: string | null;
  /** A registered kind of event (audit-actions.ts): "user.login", "case.register" … */
  action: TAuditAction;
  entityType: string;
  entityId: string;
  /** The case the event belongs to; shown in that case's history. */
  caseId?: string | null;
  data?: Record<string, CanonicalValue>;
};

export type ChainedAuditFields = {
  seq: bigint;
  prevHash: string;
  createdAt: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  caseId: string | null;
  data: unknown;
};

export const hashAuditEvent = (event: ChainedAuditFields): string =>
  sha256Hex(
    canonicalJson({
      seq: event.seq,
      prevHash: event.prevHash,
      createdAt: event.createdAt,
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      caseId: event.caseId,
      data: event.data as CanonicalValue,
    }),
  );

export const recordAudit = async (tx: Tx, input: AuditInput): Promise<void> => {
  assertAuditData(input.action, input.data ?? {});
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const fields: ChainedAuditFields = {
    seq: (last?.seq ?? 0n) + 1n,
    prevHash: last?.hash ?? GENESIS_HASH,
    createdAt: new Date(),
    actorId: input.actorId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    caseId: input.caseId ?? null,
    // Round-trip through JSON so the hashed value is exactly what jsonb gives back.
    data: JSON.parse(canonicalJson(input.data ?? {})) as unknown,
  };
  await tx.auditEvent.create({
    data: { ...fields, data: fields.data as Prisma.InputJsonValue, hash: hashAuditEvent(fields) },
  });
};
