// Attesting one step: the attester's name, title, sign-in method and the hash, stamped at
// the injected clock, in one conditional write with its audit event. The last step
// completes the request and locks the subject (the adapter's transition); in sequential
// order the next attester is told it is their turn.
import "server-only";
import type { AttestationStep } from "@/generated/prisma/client";
import { asHashScheme } from "@/lib/canonical-json";
import { recordAudit } from "@/server/audit";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { contentHashOf } from "@/features/attestation/content";
import { ATTEST_ACTION, attestAuditData, STEP_ENTITY } from "../attestation-audit";
import { lockStep, notifyOrNothing, raceLost } from "./requests";
import type { EngineCall, LockedRequest } from "./types";

export type AttestOptions<S extends { id: string }, C> = EngineCall<S, C> & {
  requestId: string;
  stepId: string;
  /** How the attester proved who they are (confirm-identity.ts). */
  authMethod: string;
  /** The hash the attester was shown: the attestation binds exactly that content. */
  contentHash: string;
  /** Under the locks of request and subject: the caller's own refusals (role, turn, authorship, state). */
  assert?: (locked: { subject: S; request: LockedRequest; step: AttestationStep }) => void | Promise<void>;
  quiet?: boolean;
};

export type AttestResult<C> = { completed: false; mailIds: string[] } | { completed: true; completion: C; mailIds: string[] };

export const attest = async <S extends { id: string }, C>(tx: Tx, options: AttestOptions<S, C>): Promise<AttestResult<C>> => {
  const { adapter, actor, now } = options;
  const { request, subject, step } = await lockStep(tx, adapter, options.requestId, options.stepId);
  await options.assert?.({ subject, request, step });
  if (request.status !== "PENDING" || step.status !== "WAITING") throw raceLost(`Request ${request.status}, step ${step.status}`);

  const stored = await adapter.storedContent(tx, subject, request);
  if (options.contentHash !== request.contentHash || stored == null || contentHashOf(stored, asHashScheme(request.hashScheme)) !== request.contentHash) {
    throw new AppError("CONFLICT", "Content hash differs from the request's", { userMessage: adapter.messages.contentChanged });
  }

  const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true, title: true } });
  const snapshot = { attestedAt: now, attesterName: user.name, attesterTitle: user.title ?? adapter.roleTitle?.(step.role) ?? null, authMethod: options.authMethod, attestedHash: request.contentHash };
  const updated = await tx.attestationStep.updateMany({ where: { id: step.id, requestId: request.id, status: "WAITING" }, data: { status: "ATTESTED", ...snapshot } });
  if (updated.count !== 1) throw raceLost(`Step ${step.id} changed concurrently`);
  await recordAudit(tx, {
    actorId: actor.id,
    action: ATTEST_ACTION,
    entityType: STEP_ENTITY,
    entityId: step.id,
    caseId: adapter.caseIdOf(subject),
    data: { ...attestAuditData({ ...step, ...snapshot }), ...adapter.attestAuditData?.(subject) },
  });

  const context = { actor: { id: actor.id, name: user.name }, request, now };
  const remaining = request.steps.filter((other) => other.id !== step.id && other.status !== "ATTESTED");
  if (remaining.length === 0) {
    const completed = await tx.attestationRequest.updateMany({ where: { id: request.id, status: "PENDING" }, data: { status: "COMPLETED", completedAt: now } });
    const completion = completed.count === 1 ? await adapter.complete(tx, subject, context) : null;
    if (!completion) throw raceLost(`Request ${request.id} or its subject changed while completing`);
    for (const event of completion.audits) await recordAudit(tx, event);
    return { completed: true, completion: completion.result, mailIds: await notifyOrNothing(tx, completion.notice, options.quiet) };
  }
  if (request.order !== "SEQUENTIAL") return { completed: false, mailIds: [] };
  const next = [...remaining].sort((a, b) => a.position - b.position)[0]!;
  const notice = adapter.notice(subject, { kind: "nextInTurn", content: stored, userIds: [next.assigneeId], attesterName: user.name }, context);
  return { completed: false, mailIds: await notifyOrNothing(tx, notice, options.quiet) };
};
