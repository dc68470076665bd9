// Attestation of a case's tjänsteutlåtande: send one exact version to the attesters,
// attest or return it step by step, withdraw it. Each write is one transaction with its
// audit event and its notifications (outbox); e-mail delivery is enqueued after commit.
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
import { randomBytes } from "node:crypto";
import type { AttestationOrder, Role } from "@/generated/prisma/enums";
import { canOnCase, CASE_SCOPE_SELECT, toCaseScope, type CaseScope, createCaseDocumentInTx } from "@/features/cases/server";
import { CONFIDENTIAL_CASE_TITLE } from "@/features/cases/secrecy";
import { notifyInTx } from "@/features/notifications/server";
import { missingRequiredSections } from "@/features/statements/content";
import { parseStatementContent, parseTemplateDefinition, statementTitleOf } from "@/features/statements/server";
import { asHashScheme, CURRENT_HASH_SCHEME, type HashScheme } from "@/lib/canonical-json";
import { recordAudit } from "@/server/audit";
import type { Actor } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { enqueueMailDelivery } from "@/server/jobs";
import { contentHashOf } from "../content";
import type { TAttest, TReturn, TSendForAttestation, TWithdraw } from "../schemas";
import { ATTEST_ACTION, STEP_ENTITY, attestAuditData } from "./attestation-audit";
import { authenticateForAttestation } from "./confirm-identity";
import { isoDateToDb, todayInStockholm } from "@/lib/dates";

export const ATTESTING_ROLES = ["DEPARTMENT_HEAD", "DIRECTOR"] as const satisfies readonly Role[];

const ROLE_TITLES: Record<string, string> = { DEPARTMENT_HEAD: "avdelningschef", DIRECTOR: "stadsdelsdirektör" };

// ─── Loading ───────────────────────────────────────────────────────────────

const CASE_SELECT = { ...CASE_SCOPE_SELECT, id: true, caseNumber: true, title: true, secrecyReason: true } as const;

export type Attester = { userId: string; name: string; title: string | null; role: (typeof ATTESTING_ROLES)[number] };

/**
 * Who may attest a case's statement: avdelningschefer of the case's department, then
 * directors of its administration (the default order of the signatures).
 */
export const eligibleAttesters = async (client: Tx | typeof db, scope: CaseScope): Promise<Attester[]> => {
  const memberships = await client.membership.findMany({
    where: {
      user: { disabledAt: null },
      OR: [
        { role: "DEPARTMENT_HEAD", departmentId: scope.departmentId },
        { role: "DIRECTOR", administrationId: scope.administrationId },
      ],
    },
    select: { role: true, user: { select: { id: true, name: true, title: true } } },
    orderBy: [{ user: { name: "asc" } }],
  });
  const byUser = new Map<string, Attester>();
  for (const role of ATTESTING_ROLES) {
    for (const membership of memberships.filter((item) => item.role === role)) {
      if (!byUser.has(membership.user.id)) byUser.set(membership.user.id, { userId: membership.user.id, name: membership.user.name, title: membership.user.title, role });
    }
  }
  return [...byUser.values()];
};

/** The default: the department's avdelningschef, then the administration's director. */
export const defaultAttesters = (eligible: readonly Attester[]): Attester[] =>
  ATTESTING_ROLES.map((role) => eligible.find((attester) => attester.role === role)).filter((attester): attester is Attester => Boolean(attester));

type LoadedStatement = {
  case: { id: string; caseNumber: string; title: string; secrecyReference: string | null; secrecyReason: string | null; caseOfficerId: string };
  scope: CaseScope;
  statement: { id: string; status: "DRAFT" | "IN_ATTESTATION" | "ATTESTED"; currentVersion: number; createdById: string };
};

const loadStatementByCase = async (tx: Tx, actor: Actor, caseId: string): Promise<LoadedStatement> => {
  const row = await tx.case.findUnique({ where: { id: caseId }, select: { ...CASE_SELECT, statement: { select: { id: true, status: true, currentVersion: true, createdById: true } } } });
  if (!row) throw new AppError("NOT_FOUND", `Case ${caseId} not found`);
  const scope = toCaseScope(row);
  if (!canOnCase(actor, "read", scope)) throw new AppError("NOT_FOUND", `Case ${caseId} not readable by ${actor.id}`);
  if (!row.statement) throw new AppError("INVALID_STATE", "Case has no statement", { userMessage: "Ärendet har inget tjänsteutlåtande ännu." });
  return { case: { id: row.id, caseNumber: row.caseNumber, title: row.title, secrecyReference: row.secrecyReference, secrecyReason: row.secrecyReason, caseOfficerId: row.caseOfficerId }, scope, statement: row.statement };
};

/** Locks and reloads the statement row: every later read in the transaction sees its latest committed state. */
const lockStatement = async (tx: Tx, statementId: string) => {
  await tx.$queryRaw`SELECT id FROM "statement" WHERE id = ${statementId}::uuid FOR UPDATE`;
  return tx.statement.findUniqueOrThrow({ where: { id: statementId }, select: { id: true, status: true, currentVersion: true, createdById: true } });
};

const lockRequest = async (tx: Tx, requestId: string) => {
  await tx.$queryRaw`SELECT id FROM "attestation_request" WHERE id = ${requestId}::uuid FOR UPDATE`;
  return tx.attestationRequest.findUniqueOrThrow({ where: { id: requestId }, include: { steps: { orderBy: { position: "asc" } } } });
};

/** The statement's authors: its creator and everyone who saved a version of it. */
const statementAuthorIds = async (tx: Tx, statement: { id: string; createdById: string }): Promise<Set<string>> => {
  const versions = await tx.statementVersion.findMany({ where: { statementId: statement.id }, distinct: ["authorId"], select: { authorId: true } });
  return new Set([statement.createdById, ...versions.map((version) => version.authorId)]);
};

/** The version and the hash of its content in `scheme` (the new request's, or the one it recorded). */
const currentVersionOf = async (tx: Tx, statementId: string, number: number, scheme: HashScheme) => {
  const version = await tx.statementVersion.findUnique({ where: { statementId_number: { statementId, number } }, select: { number: true, content: true, contentHash: true } });
  if (!version) throw new AppError("INVALID_STATE", `Statement ${statementId} has no version ${number}`, { userMessage: "Tjänsteutlåtandet har ingen sparad version ännu." });
  // The stored hash (scheme 1, written on save) is a convenience; what binds is the hash of the content itself.
  if (contentHashOf(version.content, 1) !== version.contentHash) throw new AppError("INVALID_STATE", `Version ${number} of ${statementId}: stored hash differs from content`, { userMessage: "Versionens kontrollsumma stämmer inte. Kontakta en administratör." });
  return { ...version, hash: contentHashOf(version.content, scheme) };
};

const statementTitle = (content: unknown, fallback: string): string => statementTitleOf(content) ?? fallback;

const newVerificationCode = (): string => {
  // 32 unambiguous characters (no 0/O, 1/I): 60 random bits, unbiased (256 is a multiple of 32).
  const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  const chars = [...randomBytes(12)].map((byte) => alphabet[byte % 32]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
};

const attestationLink = (caseId: string): string => `/arenden/${caseId}/attestering`;

/** The case's handläggare and whoever sent the request: they hear about attestations and returns. */
const ownersOf = (loaded: LoadedStatement, requestedById: string): string[] => [loaded.case.caseOfficerId, requestedById];

const afterCommit = async <T extends { mailIds: string[] }>(result: T): Promise<T> => {
  await enqueueMailDelivery(result.mailIds);
  return result;
};

// ─── Send ──────────────────────────────────────────────────────────────────

/**
 * The template's required sections must have content before anyone is asked to attest:
 * checked against the template version the statement was created from.
 */
export const requiredSectionsMissing = async (client: Tx | typeof db, statementId: string, content: unknown): Promise<string[]> => {
  const { template } = await client.statement.findUniqueOrThrow({ where: { id: statementId }, select: { template: { select: { definition: true } } } });
  return missingRequiredSections(parseStatementContent(content), parseTemplateDefinition(template.definition));
};

const assertRequiredSectionsFilled = async (tx: Tx, statementId: string, content: unknown): Promise<void> => {
  const missing = await requiredSectionsMissing(tx, statementId, content);
  if (missing.length > 0) {
    throw new AppError("INVALID_STATE", `Required sections without content: ${missing.join(", ")}`, {
      userMessage: `Fyll i de obligatoriska avsnitten innan du skickar: ${missing.join(", ")}.`,
    });
  }
};

export type SendForAttestationOptions = { actor: Actor; input: TSendForAttestation };

export const sendStatementForAttestation = async ({ actor, input }: SendForAttestationOptions) =>
  afterCommit(
    await db.$transaction(async (tx) => {
      const loaded = await loadStatementByCase(tx, actor, input.caseId);
      if (!canOnCase(actor, "editStatement", loaded.scope)) throw new AppError("FORBIDDEN", `${actor.id} may not send statement of ${input.caseId}`);
      const statement = await lockStatement(tx, loaded.statement.id);
      if (statement.status !== "DRAFT") throw new AppError("INVALID_STATE", `Statement is ${statement.status}`, { userMessage: "Tjänsteutlåtandet är redan skickat på attestering eller attesterat." });
      if (statement.currentVersion !== input.versionNumber) throw new AppError("CONFLICT", `Version ${input.versionNumber} is not current (${statement.currentVersion})`, { userMessage: "Tjänsteutlåtandet har ändrats sedan du öppnade sidan. Läs in sidan på nytt." });
      const version = await currentVersionOf(tx, statement.id, statement.currentVersion, CURRENT_HASH_SCHEME);
      await assertRequiredSectionsFilled(tx, statement.id, version.content);

      const eligible = new Map((await eligibleAttesters(tx, loaded.scope)).map((attester) => [attester.userId, attester]));
      const authors = await statementAuthorIds(tx, statement);
      const attesters = input.attesterIds.map((id) => eligible.get(id));
      if (attesters.some((attester) => !attester)) {
        throw new AppError("VALIDATION", "Attester not eligible", { fieldErrors: { attesterIds: ["Attestanterna måste vara avdelningschef eller stadsdelsdirektör för ärendets enhet."] } });
      }
      if (input.attesterIds.some((id) => authors.has(id))) {
        throw new AppError("VALIDATION", "Author chosen as attester", { fieldErrors: { attesterIds: ["Den som har skrivit tjänsteutlåtandet kan inte attestera det."] } });
      }

      const sent = await tx.statement.updateMany({ where: { id: statement.id, status: "DRAFT", currentVersion: version.number }, data: { status: "IN_ATTESTATION" } });
      if (sent.count !== 1) throw new AppError("CONFLICT", "Statement changed while sending");

      const request = await tx.attestationRequest.create({
        data: {
          subjectType: "STATEMENT",
          subjectId: statement.id,
          caseId: loaded.case.id,
          versionNumber: version.number,
          contentHash: version.hash,
          hashScheme: CURRENT_HASH_SCHEME,
          order: input.order as AttestationOrder,
          verificationCode: newVerificationCode(),
          requestedById: actor.id,
          steps: { create: attesters.map((attester, index) => ({ position: index + 1, assigneeId: attester!.userId, role: attester!.role })) },
        },
        include: { steps: { orderBy: { position: "asc" } } },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "attestation.send",
        entityType: "AttestationRequest",
        entityId: request.id,
        caseId: loaded.case.id,
        data: {
          statementId: statement.id,
          versionNumber: version.number,
          contentHash: version.hash,
          hashScheme: CURRENT_HASH_SCHEME,
          order: request.order,
          steps: request.steps.map((step) => ({ stepId: step.id, position: step.position, assigneeId: step.assigneeId, role: step.role })),
        },
      });
      const title = statementTitle(version.content, loaded.case.title);
      const firstInTurn = request.order === "PARALLEL" ? request.steps : request.steps.slice(0, 1);
      const mailIds = await notifyInTx(tx, {
        municipalityId: loaded.scope.municipalityId,
        userIds: firstInTurn.map((step) => step.assigneeId),
        kind: "attestation.requested",
        title: `Att attestera: ${loaded.case.caseNumber}`,
        body: `${actor.name} har skickat tjänsteutlåtandet "${loaded.case.secrecyReference ? CONFIDENTIAL_CASE_TITLE : title}" i ärende ${loaded.case.caseNumber} till dig för attestering.`,
        link: attestationLink(loaded.case.id),
      });
      return { requestId: request.id, verificationCode: request.verificationCode, mailIds };
    }),
  );

// ─── Attest and return ─────────────────────────────────────────────────────

type LoadedStep = { loaded: LoadedStatement; request: Awaited<ReturnType<typeof lockRequest>>; step: Awaited<ReturnType<typeof lockRequest>>["steps"][number] };

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

/** Loads and locks a step's request and statement, and checks that `actor` is the one to act on it now. */
const loadStepForAssignee = async (tx: Tx, actor: Actor, stepId: string): Promise<LoadedStep> => {
  const found = await assertAssignee(tx, actor, stepId);
  const loaded = await loadStatementByCase(tx, actor, found.caseId);
  const request = await lockRequest(tx, found.requestId);
  const step = request.steps.find((item) => item.id === stepId)!;
  // The role must still be held in the case's units (a demoted chef no longer attests).
  const holdsRole = actor.memberships.some(
    (membership) =>
      membership.role === step.role &&
      ((membership.unitType === "DEPARTMENT" && membership.unitId === loaded.scope.departmentId) ||
        (membership.unitType === "ADMINISTRATION" && membership.unitId === loaded.scope.administrationId)),
  );
  if (!holdsRole) throw new AppError("FORBIDDEN", `${actor.id} no longer holds ${step.role} for the case`);
  if (request.status !== "PENDING" || step.status !== "WAITING") {
    throw new AppError("INVALID_STATE", `Request ${request.status}, step ${step.status}`, { userMessage: "Attesteringen är redan avslutad eller återkallad." });
  }
  if (request.order === "SEQUENTIAL" && request.steps.some((other) => other.position < step.position && other.status !== "ATTESTED")) {
    throw new AppError("INVALID_STATE", `Step ${stepId} out of turn`, { userMessage: "Det är inte din tur att attestera ännu." });
  }
  return { loaded, request, step };
};

export type AttestStepOptions = { actor: Actor; input: TAttest; now?: Date };

export const attestStep = async ({ actor, input, now = new Date() }: AttestStepOptions) => {
  // Who may act is checked before asking for proof (no password oracle for others);
  // proof before the transaction: argon2 is slow and must not run while rows are locked.
  await assertAssignee(db, actor, input.stepId);
  const authMethod = await authenticateForAttestation({ actor, password: input.password, now });
  return afterCommit(
    await db.$transaction(async (tx) => {
      const { loaded, request, step } = await loadStepForAssignee(tx, actor, input.stepId);
      const authors = await statementAuthorIds(tx, loaded.statement);
      if (authors.has(actor.id)) throw new AppError("FORBIDDEN", `${actor.id} authored the statement`, { userMessage: "Du har skrivit tjänsteutlåtandet och kan inte attestera det." });

      const statement = await lockStatement(tx, loaded.statement.id);
      if (statement.status !== "IN_ATTESTATION" || statement.currentVersion !== request.versionNumber) {
        throw new AppError("INVALID_STATE", "Statement is not the version sent", { userMessage: "Tjänsteutlåtandet har ändrats och kan inte attesteras." });
      }
      const version = await currentVersionOf(tx, statement.id, statement.currentVersion, asHashScheme(request.hashScheme));
      if (version.hash !== request.contentHash || input.contentHash !== request.contentHash) {
        throw new AppError("CONFLICT", "Content hash differs from the request's", { userMessage: "Innehållet är inte det som skickades på attestering. Läs in sidan på nytt." });
      }

      // Server clock; stored as UTC, shown in Stockholm time.
      const attestedAt = new Date();
      const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true, title: true } });
      const snapshot = { attestedAt, attesterName: user.name, attesterTitle: user.title ?? ROLE_TITLES[step.role] ?? null, authMethod, attestedHash: request.contentHash };
      const updated = await tx.attestationStep.updateMany({ where: { id: step.id, status: "WAITING", requestId: request.id }, data: { status: "ATTESTED", ...snapshot } });
      if (updated.count !== 1) throw new AppError("CONFLICT", `Step ${step.id} changed concurrently`);
      await recordAudit(tx, {
        actorId: actor.id,
        action: ATTEST_ACTION,
        entityType: STEP_ENTITY,
        entityId: step.id,
        caseId: loaded.case.id,
        data: attestAuditData({ id: step.id, requestId: request.id, position: step.position, role: step.role, ...snapshot }),
      });

      const title = statementTitle(version.content, loaded.case.title);
      // E-mail leaves the app's access control: masked as everywhere (features/cases/secrecy.ts).
      const shownTitle = loaded.case.secrecyReference ? CONFIDENTIAL_CASE_TITLE : title;
      const remaining = request.steps.filter((other) => other.id !== step.id && other.status !== "ATTESTED");
      const mailIds: string[] = [];
      if (remaining.length === 0) {
        const completed = await tx.attestationRequest.updateMany({ where: { id: request.id, status: "PENDING" }, data: { status: "COMPLETED", completedAt: attestedAt } });
        const locked = await tx.statement.updateMany({ where: { id: statement.id, status: "IN_ATTESTATION", currentVersion: request.versionNumber }, data: { status: "ATTESTED" } });
        if (completed.count !== 1 || locked.count !== 1) throw new AppError("CONFLICT", "Request or statement changed while completing");
        const document = await createCaseDocumentInTx(tx, {
          actorId: actor.id,
          caseId: loaded.case.id,
          direction: "DRAWN_UP",
          documentDate: isoDateToDb(todayInStockholm(attestedAt)),
          description: `Tjänsteutlåtande: ${title} (attesterat)`,
          secrecyReference: loaded.case.secrecyReference,
          secrecyReason: loaded.case.secrecyReason,
        });
        await recordAudit(tx, {
          actorId: actor.id,
          action: "attestation.complete",
          entityType: "AttestationRequest",
          entityId: request.id,
          caseId: loaded.case.id,
          data: { statementId: statement.id, versionNumber: request.versionNumber, contentHash: request.contentHash, documentId: document.id, documentNumber: document.documentNumber },
        });
        mailIds.push(
          ...(await notifyInTx(tx, {
            municipalityId: loaded.scope.municipalityId,
            userIds: ownersOf(loaded, request.requestedById),
            except: actor.id,
            kind: "attestation.completed",
            title: `Attesterat: ${loaded.case.caseNumber}`,
            body: `Tjänsteutlåtandet "${shownTitle}" i ärende ${loaded.case.caseNumber} är attesterat av alla attestanter och registrerat som handling ${document.documentNumber}.`,
            link: attestationLink(loaded.case.id),
          })),
        );
        return { status: "COMPLETED" as const, mailIds };
      }
      if (request.order === "SEQUENTIAL") {
        const next = remaining.sort((a, b) => a.position - b.position)[0]!;
        mailIds.push(
          ...(await notifyInTx(tx, {
            municipalityId: loaded.scope.municipalityId,
            userIds: [next.assigneeId],
            kind: "attestation.requested",
            title: `Att attestera: ${loaded.case.caseNumber}`,
            body: `${user.name} har attesterat tjänsteutlåtandet "${shownTitle}" i ärende ${loaded.case.caseNumber}. Nu är det din tur.`,
            link: attestationLink(loaded.case.id),
          })),
        );
      }
      return { status: "ATTESTED" as const, mailIds };
    }),
  );
};

/** Marks every live step of a request INVALIDATED (attested ones keep their snapshot for the record). */
const invalidateSteps = async (tx: Tx, requestId: string, exceptStepId?: string): Promise<string[]> => {
  const steps = await tx.attestationStep.findMany({ where: { requestId, status: { in: ["WAITING", "ATTESTED"] }, ...(exceptStepId ? { id: { not: exceptStepId } } : {}) }, select: { id: true } });
  await tx.attestationStep.updateMany({ where: { id: { in: steps.map((step) => step.id) }, status: { in: ["WAITING", "ATTESTED"] } }, data: { status: "INVALIDATED" } });
  return steps.map((step) => step.id);
};

export type ReturnStepOptions = { actor: Actor; input: TReturn };

/** The attester sends the statement back with a comment; every attestation of the round becomes invalid. */
export const returnStep = async ({ actor, input }: ReturnStepOptions) =>
  afterCommit(
    await db.$transaction(async (tx) => {
      const { loaded, request, step } = await loadStepForAssignee(tx, actor, input.stepId);
      const statement = await lockStatement(tx, loaded.statement.id);
      const now = new Date();
      const returned = await tx.attestationStep.updateMany({ where: { id: step.id, status: "WAITING" }, data: { status: "RETURNED", comment: input.comment } });
      const closed = await tx.attestationRequest.updateMany({
        where: { id: request.id, status: "PENDING" },
        data: { status: "RETURNED", invalidatedAt: now, invalidatedById: actor.id, invalidationReason: input.comment },
      });
      if (returned.count !== 1 || closed.count !== 1) throw new AppError("CONFLICT", "Request changed while returning");
      const invalidated = await invalidateSteps(tx, request.id, step.id);
      if (statement.status === "IN_ATTESTATION") await tx.statement.updateMany({ where: { id: statement.id, status: "IN_ATTESTATION" }, data: { status: "DRAFT" } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "attestation.return",
        entityType: STEP_ENTITY,
        entityId: step.id,
        caseId: loaded.case.id,
        // The comment may quote confidential content: only in the step row, not in the wider-read log.
        data: { requestId: request.id, stepId: step.id, invalidatedStepIds: invalidated, ...(loaded.case.secrecyReference ? {} : { comment: input.comment }) },
      });
      const mailIds = await notifyInTx(tx, {
        municipalityId: loaded.scope.municipalityId,
        userIds: [...ownersOf(loaded, request.requestedById), ...request.steps.filter((other) => other.status === "ATTESTED").map((other) => other.assigneeId)],
        except: actor.id,
        kind: "attestation.returned",
        title: `Återsänt: ${loaded.case.caseNumber}`,
        body: `${actor.name} har skickat tillbaka tjänsteutlåtandet i ärende ${loaded.case.caseNumber} med kommentaren:\n\n${loaded.case.secrecyReference ? "(se Yttra)" : input.comment}\n\nTidigare attesteringar i omgången gäller inte längre.`,
        link: attestationLink(loaded.case.id),
      });
      return { mailIds };
    }),
  );

// ─── Withdraw ──────────────────────────────────────────────────────────────

export type WithdrawOptions = { actor: Actor; input: TWithdraw };

/**
 * The handläggare takes the statement back (while out for attestation, or after it was
 * attested, to change it). Every attestation of the request is invalidated, with the reason.
 */
export const withdrawAttestation = async ({ actor, input }: WithdrawOptions) =>
  afterCommit(
    await db.$transaction(async (tx) => {
      const loaded = await loadStatementByCase(tx, actor, input.caseId);
      if (!canOnCase(actor, "editStatement", loaded.scope)) throw new AppError("FORBIDDEN", `${actor.id} may not withdraw on ${input.caseId}`);
      const latest = await tx.attestationRequest.findFirst({
        where: { subjectType: "STATEMENT", subjectId: loaded.statement.id, status: { in: ["PENDING", "COMPLETED"] } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { id: true },
      });
      if (!latest) throw new AppError("INVALID_STATE", "Nothing to withdraw", { userMessage: "Tjänsteutlåtandet är inte skickat på attestering." });
      const request = await lockRequest(tx, latest.id);
      const statement = await lockStatement(tx, loaded.statement.id);
      const withdrawn = await tx.attestationRequest.updateMany({
        where: { id: request.id, status: { in: ["PENDING", "COMPLETED"] } },
        data: { status: "WITHDRAWN", invalidatedAt: new Date(), invalidatedById: actor.id, invalidationReason: input.reason },
      });
      if (withdrawn.count !== 1) throw new AppError("CONFLICT", "Request changed while withdrawing");
      const invalidated = await invalidateSteps(tx, request.id);
      const reopened = await tx.statement.updateMany({ where: { id: statement.id, status: { in: ["IN_ATTESTATION", "ATTESTED"] } }, data: { status: "DRAFT" } });
      if (reopened.count !== 1) throw new AppError("CONFLICT", `Statement was ${statement.status} while withdrawing`);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "attestation.withdraw",
        entityType: "AttestationRequest",
        entityId: request.id,
        caseId: loaded.case.id,
        data: { previousStatus: request.status, invalidatedStepIds: invalidated, ...(loaded.case.secrecyReference ? {} : { reason: input.reason }) },
      });
      // Those who attested, and those who were asked to (sequential: only the one in turn).
      const firstWaiting = request.steps.find((step) => step.status === "WAITING");
      const mailIds = await notifyInTx(tx, {
        municipalityId: loaded.scope.municipalityId,
        userIds: request.steps.filter((step) => step.status === "ATTESTED" || (step.status === "WAITING" && (request.order === "PARALLEL" || step.id === firstWaiting?.id))).map((step) => step.assigneeId),
        except: actor.id,
        kind: "attestation.invalidated",
        title: `Attestering återkallad: ${loaded.case.caseNumber}`,
        body: `${actor.name} har återkallat attesteringen av tjänsteutlåtandet i ärende ${loaded.case.caseNumber}. Tidigare attesteringar gäller inte längre.\n\nSkäl: ${loaded.case.secrecyReference ? "(se Yttra)" : input.reason}`,
        link: attestationLink(loaded.case.id),
      });
      return { requestId: request.id, invalidatedStepIds: invalidated, mailIds };
    }),
  );
