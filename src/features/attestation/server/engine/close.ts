// Ending a round before or after completion: an attester returns their step with a
// comment, or the sender withdraws (invalidates) the request. Either way every step of the
// round stops counting and the subject is editable again.
import "server-only";
import type { AttestationStep } from "@/generated/prisma/client";
import { recordAudit } from "@/server/audit";
import type { Tx } from "@/server/db";
import { invalidateSteps, lockRequestAndSubject, lockStep, notifyOrNothing, raceLost } from "./requests";
import type { EngineCall, LockedRequest } from "./types";

type CloseOptions<S extends { id: string }, C> = EngineCall<S, C> & { requestId: string };

export type ReturnStepOptions<S extends { id: string }, C> = CloseOptions<S, C> & {
  stepId: string;
  comment: string;
  assert?: (locked: { subject: S; request: LockedRequest; step: AttestationStep }) => void | Promise<void>;
};

export const returnStep = async <S extends { id: string }, C>(tx: Tx, options: ReturnStepOptions<S, C>): Promise<{ mailIds: string[] }> => {
  const { adapter, actor, now } = options;
  const { request, subject, step } = await lockStep(tx, adapter, options.requestId, options.stepId);
  await options.assert?.({ subject, request, step });
  const closed = await tx.attestationRequest.updateMany({
    where: { id: request.id, status: "PENDING" },
    data: { status: "RETURNED", invalidatedAt: now, invalidatedById: actor.id, invalidationReason: options.comment },
  });
  const invalidatedStepIds = await invalidateSteps(tx, request.id, step.id);
  const returned = await tx.attestationStep.updateMany({ where: { id: step.id, status: "WAITING" }, data: { status: "RETURNED", comment: options.comment } });
  if (closed.count !== 1 || returned.count !== 1) throw raceLost(`Request ${request.id} changed while returning`);
  const context = { actor, request, now };
  if (!(await adapter.reopen(tx, subject, context))) throw raceLost(`${adapter.type} ${subject.id} changed while returning`);
  await recordAudit(tx, adapter.audit(subject, { kind: "returned", step, comment: options.comment, invalidatedStepIds }, context));
  return { mailIds: await notifyOrNothing(tx, adapter.notice(subject, { kind: "returned", comment: options.comment }, context)) };
};

export type WithdrawOptions<S extends { id: string }, C> = CloseOptions<S, C> & {
  /** As the sender gave it (null: none given); `recordedReason` is what the request keeps. */
  reason: string | null;
  recordedReason?: string;
  assert?: (locked: { subject: S; request: LockedRequest }) => void | Promise<void>;
};

/** Invalidates a pending or completed request: every attestation of it stops counting. */
export const withdraw = async <S extends { id: string }, C>(tx: Tx, options: WithdrawOptions<S, C>): Promise<{ request: LockedRequest; invalidatedStepIds: string[]; mailIds: string[] }> => {
  const { adapter, actor, now } = options;
  const { request, subject } = await lockRequestAndSubject(tx, adapter, options.requestId);
  await options.assert?.({ subject, request });
  if (request.status !== "PENDING" && request.status !== "COMPLETED") throw raceLost(`Request ${request.id} is ${request.status}`);
  const withdrawn = await tx.attestationRequest.updateMany({
    where: { id: request.id, status: request.status },
    data: { status: "WITHDRAWN", invalidatedAt: now, invalidatedById: actor.id, invalidationReason: options.recordedReason ?? options.reason },
  });
  if (withdrawn.count !== 1) throw raceLost(`Request ${request.id} changed while withdrawing`);
  const invalidatedStepIds = await invalidateSteps(tx, request.id);
  const context = { actor, request, now };
  if (!(await adapter.reopen(tx, subject, context))) throw raceLost(`${adapter.type} ${subject.id} changed while withdrawing`);
  await recordAudit(tx, adapter.audit(subject, { kind: "withdrawn", reason: options.reason, invalidatedStepIds }, context));
  const mailIds = await notifyOrNothing(tx, adapter.notice(subject, { kind: "withdrawn", reason: options.reason }, context));
  return { request, invalidatedStepIds, mailIds };
};
