// Attestation of a case's tjänsteutlåtande: who may send, attest, return and withdraw,
// with the statement's own refusals; the writes themselves are the attestation engine's
// (./engine with the statement adapter, ./statement-subject.ts). Each call is one
// transaction with its audit events and notifications; e-mail delivery is enqueued after commit.
//
// Invariants (tests/integration/attestation-*.integration.test.ts):
// - A statement is IN_ATTESTATION or ATTESTED only with a live request bound to its
//   current version's hash; edits are refused by the statements feature in those states.
// - Every mutation of a request locks its row first (SELECT … FOR UPDATE), then the
//   statement's: two attesters finishing at once cannot both miss the completion, and an
//   attestation cannot interleave with a withdrawal.
// - State changes are conditional writes; losing a race is a CONFLICT, never an overwrite.
// - Separation of duties: no author of the statement attests it; one person fills one step;
//   only the step's assignee acts on it, in turn when the order is sequential.
import "server-only";
import { can, CASE_SCOPE_SELECT, toCaseScope, type CaseScope } from "@/server/authz";
import { CURRENT_HASH_SCHEME } from "@/lib/canonical-json";
import type { Actor } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { enqueueRecordStorage } from "@/server/jobs";
import { resolveOrganisationAtSend } from "@/features/statements/server";
import type { TAttest, TReturn, TSendForAttestation, TWithdraw } from "../schemas";
import { eligibleAttesters, requiredSectionsMissing, statementAuthorIds } from "./attesters";
import { authenticateForAttestation } from "./confirm-identity";
import * as engine from "./engine";
import { statementSubject, statementVersionOf, type StatementSubject } from "./statement-subject";

type LoadedStatement = { caseId: string; scope: CaseScope; statementId: string };

/** The case's statement, if the actor may read the case (else NOT_FOUND: ids say nothing). */
const loadStatementByCase = async (tx: Tx, actor: Actor, caseId: string): Promise<LoadedStatement> => {
  const row = await tx.case.findUnique({ where: { id: caseId }, select: { ...CASE_SCOPE_SELECT, id: true, statement: { select: { id: true } } } });
  if (!row) throw new AppError("NOT_FOUND", `Case ${caseId} not found`);
  const scope = toCaseScope(row);
  if (!can(actor, "case.read", scope)) throw new AppError("NOT_FOUND", `Case ${caseId} not readable by ${actor.id}`);
  if (!row.statement) throw new AppError("INVALID_STATE", "Case has no statement", { userMessage: "Ärendet har inget tjänsteutlåtande ännu." });
  return { caseId: row.id, scope, statementId: row.statement.id };
};

/** Only the responsible handläggare sends the statement and withdraws it (not a medhandläggare). */
const loadForSender = async (tx: Tx, actor: Actor, caseId: string): Promise<LoadedStatement> => {
  const loaded = await loadStatementByCase(tx, actor, caseId);
  if (!can(actor, "statement.send", loaded.scope)) {
    throw new AppError("FORBIDDEN", `${actor.id} may not send or withdraw the statement of ${caseId}`, { userMessage: "Bara ärendets ansvariga handläggare kan skicka tjänsteutlåtandet på attestering och återkalla det." });
  }
  return loaded;
};

/** Those who may not attest: everyone who wrote the statement and every handläggare of the case. */
const barredFromAttesting = async (tx: Tx, statement: { id: string; createdById: string }, scope: CaseScope): Promise<Set<string>> =>
  new Set([...(await statementAuthorIds(tx, statement)), scope.caseOfficerId, ...scope.coOfficerIds]);

// ─── Send ──────────────────────────────────────────────────────────────────

export type SendForAttestationOptions = { actor: Actor; input: TSendForAttestation; now?: Date };

export const sendStatementForAttestation = async ({ actor, input, now = new Date() }: SendForAttestationOptions) => {
  const { request, mailIds } = await db.$transaction(async (tx) => {
    const loaded = await loadForSender(tx, actor, input.caseId);
    const eligible = new Map((await eligibleAttesters(tx, loaded.scope)).map((attester) => [attester.userId, attester]));
    const attesters = input.attesterIds.map((id) => eligible.get(id));
    return engine.sendForAttestation(tx, {
      adapter: statementSubject,
      subjectId: loaded.statementId,
      actor,
      now,
      order: input.order,
      steps: attesters.flatMap((attester) => (attester ? [{ assigneeId: attester.userId, role: attester.role }] : [])),
      bind: async (statement) => {
        if (statement.status !== "DRAFT") throw new AppError("INVALID_STATE", `Statement is ${statement.status}`, { userMessage: "Tjänsteutlåtandet är redan skickat på attestering eller attesterat." });
        if (statement.currentVersion !== input.versionNumber) throw new AppError("CONFLICT", `Version ${input.versionNumber} is not current (${statement.currentVersion})`, { userMessage: "Tjänsteutlåtandet har ändrats sedan du öppnade sidan. Läs in sidan på nytt." });
        // The handläggare, signers and letterhead are today's: what is attested names them as sent.
        const sentNumber = await resolveOrganisationAtSend(tx, { actorId: actor.id, statementId: statement.id });
        const version = await statementVersionOf(tx, statement.id, sentNumber, CURRENT_HASH_SCHEME);
        const missing = await requiredSectionsMissing(tx, statement.id, version.content);
        if (missing.length > 0) {
          throw new AppError("INVALID_STATE", `Required sections without content: ${missing.join(", ")}`, { userMessage: `Fyll i de obligatoriska avsnitten innan du skickar: ${missing.join(", ")}.` });
        }
        if (attesters.some((attester) => !attester)) {
          throw new AppError("VALIDATION", "Attester not eligible", { fieldErrors: { attesterIds: ["Attestanterna måste vara avdelningschef eller stadsdelsdirektör för ärendets enhet."] } });
        }
        const barred = await barredFromAttesting(tx, statement, loaded.scope);
        if (input.attesterIds.some((id) => barred.has(id))) {
          throw new AppError("VALIDATION", "Author or handläggare chosen as attester", { fieldErrors: { attesterIds: ["Den som har skrivit tjänsteutlåtandet eller handlägger ärendet kan inte attestera det."] } });
        }
        return { versionNumber: version.number, content: version.content };
      },
    });
  });
  await engine.deliverAfterCommit({ mailIds });
  return { requestId: request.id, verificationCode: request.verificationCode, mailIds };
};

// ─── Attest and return ─────────────────────────────────────────────────────

/**
 * Only the step's assignee may act on it; anyone else is FORBIDDEN (also a chef of another
 * unit, who cannot read the case: step ids are random and say nothing about the case).
 */
const assertAssignee = async (client: Tx | typeof db, actor: Actor, stepId: string): Promise<{ requestId: string; caseId: string }> => {
  const found = await client.attestationStep.findUnique({ where: { id: stepId }, select: { assigneeId: true, requestId: true, request: { select: { subjectType: true, caseId: true } } } });
  if (!found || found.request.subjectType !== "STATEMENT" || !found.request.caseId) throw new AppError("NOT_FOUND", `Step ${stepId} not found`);
  if (found.assigneeId !== actor.id) throw new AppError("FORBIDDEN", `${actor.id} is not the assignee of ${stepId}`, { userMessage: "Det här steget ska attesteras av någon annan." });
  return { requestId: found.requestId, caseId: found.request.caseId };
};

/** Under the locks: `actor` is the one to act on the step now. */
const assertInTurn =
  (actor: Actor, scope: CaseScope) =>
  ({ request, step }: { request: engine.LockedRequest; step: engine.LockedRequest["steps"][number] }): void => {
    // The role must still be held in the case's units (a demoted chef no longer attests).
    const holdsRole = actor.memberships.some(
      (membership) =>
        membership.role === step.role &&
        ((membership.unitType === "DEPARTMENT" && membership.unitId === scope.departmentId) || (membership.unitType === "ADMINISTRATION" && membership.unitId === scope.administrationId)),
    );
    if (!holdsRole) throw new AppError("FORBIDDEN", `${actor.id} no longer holds ${step.role} for the case`);
    if (request.status !== "PENDING" || step.status !== "WAITING") {
      throw new AppError("INVALID_STATE", `Request ${request.status}, step ${step.status}`, { userMessage: "Attesteringen är redan avslutad eller återkallad." });
    }
    if (request.order === "SEQUENTIAL" && request.steps.some((other) => other.position < step.position && other.status !== "ATTESTED")) {
      throw new AppError("INVALID_STATE", `Step ${step.id} out of turn`, { userMessage: "Det är inte din tur att attestera ännu." });
    }
  };

export type AttestStepOptions = { actor: Actor; input: TAttest; now?: Date };

export const attestStep = async ({ actor, input, now = new Date() }: AttestStepOptions) => {
  // Who may act is checked before asking for proof (no password oracle for others);
  // proof before the transaction: argon2 is slow and must not run while rows are locked.
  await assertAssignee(db, actor, input.stepId);
  const authMethod = await authenticateForAttestation({ actor, password: input.password, now });
  const result = await db.$transaction(async (tx) => {
    const found = await assertAssignee(tx, actor, input.stepId);
    const loaded = await loadStatementByCase(tx, actor, found.caseId);
    return engine.attest(tx, {
      adapter: statementSubject,
      requestId: found.requestId,
      stepId: input.stepId,
      actor,
      now,
      authMethod,
      contentHash: input.contentHash,
      assert: async ({ subject, request, step }) => {
        assertInTurn(actor, loaded.scope)({ request, step });
        if ((await barredFromAttesting(tx, subject, loaded.scope)).has(actor.id)) {
          throw new AppError("FORBIDDEN", `${actor.id} authored the statement or handles the case`, { userMessage: "Du har skrivit tjänsteutlåtandet eller handlägger ärendet och kan inte attestera det." });
        }
        assertSentVersion(subject, request);
      },
    });
  });
  await engine.deliverAfterCommit(result);
  if (result.completed) await enqueueRecordStorage(result.completion.recordIds);
  return { status: result.completed ? ("COMPLETED" as const) : ("ATTESTED" as const), mailIds: result.mailIds };
};

const assertSentVersion = (statement: StatementSubject, request: engine.LockedRequest): void => {
  if (statement.status !== "IN_ATTESTATION" || statement.currentVersion !== request.versionNumber) {
    throw new AppError("INVALID_STATE", "Statement is not the version sent", { userMessage: "Tjänsteutlåtandet har ändrats och kan inte attesteras." });
  }
};

export type ReturnStepOptions = { actor: Actor; input: TReturn; now?: Date };

/** The attester sends the statement back with a comment; every attestation of the round becomes invalid. */
export const returnStep = async ({ actor, input, now = new Date() }: ReturnStepOptions) => {
  const result = await db.$transaction(async (tx) => {
    const found = await assertAssignee(tx, actor, input.stepId);
    const loaded = await loadStatementByCase(tx, actor, found.caseId);
    return engine.returnStep(tx, { adapter: statementSubject, requestId: found.requestId, stepId: input.stepId, actor, now, comment: input.comment, assert: assertInTurn(actor, loaded.scope) });
  });
  return engine.deliverAfterCommit(result);
};

// ─── Withdraw ──────────────────────────────────────────────────────────────

export type WithdrawOptions = { actor: Actor; input: TWithdraw; now?: Date };

/**
 * The handläggare takes the statement back (while out for attestation, or after it was
 * attested, to change it). Every attestation of the request is invalidated, with the reason.
 */
export const withdrawAttestation = async ({ actor, input, now = new Date() }: WithdrawOptions) => {
  const result = await db.$transaction(async (tx) => {
    const loaded = await loadForSender(tx, actor, input.caseId);
    const requestId = await engine.latestRequestId(tx, "STATEMENT", loaded.statementId, ["PENDING", "COMPLETED"]);
    if (!requestId) throw new AppError("INVALID_STATE", "Nothing to withdraw", { userMessage: "Tjänsteutlåtandet är inte skickat på attestering." });
    return engine.withdraw(tx, { adapter: statementSubject, requestId, actor, now, reason: input.reason });
  });
  await engine.deliverAfterCommit(result);
  return { requestId: result.request.id, invalidatedStepIds: result.invalidatedStepIds, mailIds: result.mailIds };
};
