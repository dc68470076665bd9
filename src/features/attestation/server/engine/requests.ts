// The attestation rows themselves: locking a request, ending its steps, the verification
// code, the refusal of a lost race, and the after-commit delivery of notifications.
import "server-only";
import { randomBytes } from "node:crypto";
import type { AttestationRequestStatus, AttestationSubject } from "@/generated/prisma/enums";
import { notifyInTx, type NotifyOptions } from "@/features/notifications/server";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { enqueueMailDelivery } from "@/server/jobs";
import type { LockedRequest, SubjectAdapter } from "./types";

/** Locks the request row (SELECT … FOR UPDATE) and reads it with its steps as now committed. */
export const lockRequest = async (tx: Tx, requestId: string): Promise<LockedRequest> => {
  await tx.$queryRaw`SELECT id FROM "attestation_request" WHERE id = ${requestId}::uuid FOR UPDATE`;
  return tx.attestationRequest.findUniqueOrThrow({ where: { id: requestId }, include: { steps: { orderBy: { position: "asc" } } } });
};

/**
 * Request first, then subject: every transition takes the locks in this order, so two
 * attesters finishing at once are serialised and the second sees the first's step.
 */
export const lockRequestAndSubject = async <S extends { id: string }, C>(tx: Tx, adapter: SubjectAdapter<S, C>, requestId: string) => {
  const request = await lockRequest(tx, requestId);
  if (request.subjectType !== adapter.type) throw new AppError("NOT_FOUND", `Request ${request.id} is not of ${adapter.type}`);
  return { request, subject: await adapter.lock(tx, request.subjectId) };
};

/** The same, and the step of the request being acted on. */
export const lockStep = async <S extends { id: string }, C>(tx: Tx, adapter: SubjectAdapter<S, C>, requestId: string, stepId: string) => {
  const { request, subject } = await lockRequestAndSubject(tx, adapter, requestId);
  const step = request.steps.find((candidate) => candidate.id === stepId);
  if (!step) throw new AppError("NOT_FOUND", `Step ${stepId} not in request ${request.id}`);
  return { request, subject, step };
};

/** The subject's newest request in one of `statuses` (unlocked: lock it before acting on it). */
export const latestRequestId = async (tx: Tx, subjectType: AttestationSubject, subjectId: string, statuses?: AttestationRequestStatus[]): Promise<string | null> => {
  const found = await tx.attestationRequest.findFirst({
    where: { subjectType, subjectId, ...(statuses ? { status: { in: statuses } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  return found?.id ?? null;
};

/** XXXX-XXXX-XXXX from 32 unambiguous characters (no 0/O, 1/I): 60 random bits, unbiased (256 is a multiple of 32). */
export const newVerificationCode = (): string => {
  const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  const chars = [...randomBytes(12)].map((byte) => alphabet[byte % 32]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
};

/** Someone else changed the row between our read and our conditional write: never overwrite. */
export const raceLost = (internal: string): AppError =>
  new AppError("CONFLICT", internal, { userMessage: "Någon annan hann före och ändrade attesteringen samtidigt. Läs in sidan på nytt." });

/** Marks every live step of a request INVALIDATED (attested ones keep their snapshot for the record). */
export const invalidateSteps = async (tx: Tx, requestId: string, exceptStepId?: string): Promise<string[]> => {
  const steps = await tx.attestationStep.findMany({ where: { requestId, status: { in: ["WAITING", "ATTESTED"] }, ...(exceptStepId ? { id: { not: exceptStepId } } : {}) }, select: { id: true } });
  await tx.attestationStep.updateMany({ where: { id: { in: steps.map((step) => step.id) }, status: { in: ["WAITING", "ATTESTED"] } }, data: { status: "INVALIDATED" } });
  return steps.map((step) => step.id);
};

/** In the transaction: notification and mail rows (the outbox). Returns the mail ids to enqueue after commit. */
export const notifyOrNothing = async (tx: Tx, options: NotifyOptions | null, quiet = false): Promise<string[]> => (options && !quiet ? notifyInTx(tx, options) : []);

/** After commit: the mails of a committed transition are handed to the worker (the sweep catches a failure). */
export const deliverAfterCommit = async <T extends { mailIds: string[] }>(result: T): Promise<T> => {
  await enqueueMailDelivery(result.mailIds);
  return result;
};
