// Sending a subject for attestation: the subject moves to its in-attestation state
// (conditional), and one request binds the SHA-256 of its canonical content in the
// current hash scheme, with one step per attester.
import "server-only";
import type { AttestationOrder, Role } from "@/generated/prisma/enums";
import { CURRENT_HASH_SCHEME } from "@/lib/canonical-json";
import { recordAudit } from "@/server/audit";
import type { Tx } from "@/server/db";
import { contentHashOf } from "@/features/attestation/content";
import { newVerificationCode, notifyOrNothing, raceLost } from "./requests";
import type { EngineCall, LockedRequest } from "./types";

export type SendForAttestationOptions<S extends { id: string }, C> = EngineCall<S, C> & {
  subjectId: string;
  order: AttestationOrder;
  /** In order of position. */
  steps: { assigneeId: string; role: Role }[];
  /** Under the subject's lock: refuse with the subject's own messages, and say what is bound. */
  bind: (subject: S) => Promise<{ versionNumber: number; content: unknown }>;
  /** Seeds only: fixed ids and code keep the demo idempotent and its verification code printable. */
  fixed?: { requestId: string; stepIds: string[]; verificationCode: string };
  /** Seeds only: a historical event tells nobody today. */
  quiet?: boolean;
};

export const sendForAttestation = async <S extends { id: string }, C>(tx: Tx, options: SendForAttestationOptions<S, C>) => {
  const { adapter, actor, now } = options;
  const subject = await adapter.lock(tx, options.subjectId);
  const { versionNumber, content } = await options.bind(subject);
  const contentHash = contentHashOf(content, CURRENT_HASH_SCHEME);
  if (!(await adapter.markSent(tx, subject, { versionNumber, content, contentHash }))) throw raceLost(`${adapter.type} ${subject.id} changed while sending`);

  const request: LockedRequest = await tx.attestationRequest.create({
    data: {
      id: options.fixed?.requestId,
      subjectType: adapter.type,
      subjectId: subject.id,
      caseId: adapter.caseIdOf(subject),
      versionNumber,
      contentHash,
      hashScheme: CURRENT_HASH_SCHEME,
      order: options.order,
      verificationCode: options.fixed?.verificationCode ?? newVerificationCode(),
      requestedById: actor.id,
      createdAt: now,
      steps: { create: options.steps.map((step, index) => ({ id: options.fixed?.stepIds[index], position: index + 1, assigneeId: step.assigneeId, role: step.role })) },
    },
    include: { steps: { orderBy: { position: "asc" } } },
  });
  const context = { actor, request, now };
  await recordAudit(tx, adapter.audit(subject, { kind: "sent", content, contentHash }, context));
  const inTurn = request.order === "PARALLEL" ? request.steps : request.steps.slice(0, 1);
  const mailIds = await notifyOrNothing(tx, adapter.notice(subject, { kind: "requested", content, userIds: inTurn.map((step) => step.assigneeId) }, context), options.quiet);
  return { request, contentHash, mailIds };
};
