// Changes to a registered case: new handläggare, closing, felregistrering. Each is a
// conditional write on the case's version (someone else's change → CONFLICT, never an
// overwrite) with its audit event in the same transaction.
import "server-only";
import type { CaseStatus } from "@/generated/prisma/enums";
import { recordAudit } from "@/server/audit";
import type { Actor } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import type { TCloseCase, TMarkMisregistered, TReassignCase } from "../schemas";
import { authorize, CASE_SCOPE_SELECT, toCaseScope, unknownResource } from "@/server/authz";
import { caseOfficerWhere } from "./case-officers";
import { validationError } from "@/server/validation";

export const caseConflict = (): AppError =>
  new AppError("CONFLICT", "Case version changed", {
    userMessage: "Ärendet har ändrats av någon annan sedan du öppnade sidan. Läs in sidan på nytt och försök igen.",
  });

/**
 * Loads the case for a change and checks, in order: it exists and the actor may read it
 * (else NOT_FOUND, revealing nothing), the actor may do this (FORBIDDEN), the version is
 * the one the actor saw (CONFLICT), the status allows it (INVALID_STATE).
 */
export const loadForChange = async (
  tx: Tx,
  actor: Actor,
  { caseId, version }: { caseId: string; version: number },
  action: "case.reassign" | "case.close" | "case.misregister" | "case.edit",
) => {
  const row = await tx.case.findUnique({
    where: { id: caseId },
    select: { ...CASE_SCOPE_SELECT, id: true, kind: true, status: true, version: true, caseNumber: true, title: true, committee: { select: { municipalityId: true, name: true } } },
  });
  if (!row) throw unknownResource(action);
  const scope = authorize(actor, action, toCaseScope(row));
  if (row.version !== version) throw caseConflict();
  if (row.status !== "OPEN") {
    throw new AppError("INVALID_STATE", `Case ${caseId} is ${row.status}`, { userMessage: "Ärendet är inte öppet och kan inte ändras." });
  }
  return { row, scope };
};

export const conditionalUpdate = async (tx: Tx, { caseId, version }: { caseId: string; version: number }, data: {
  caseOfficerId?: string;
  status?: CaseStatus;
  closedAt?: Date;
  closedReason?: string;
}) => {
  const result = await tx.case.updateMany({ where: { id: caseId, version, status: "OPEN" }, data: { ...data, version: { increment: 1 } } });
  if (result.count === 0) throw caseConflict();
};

export type CaseChangeOptions<T> = { actor: Actor; input: T };

export const reassignCaseInTx = async (tx: Tx, actor: Actor, input: TReassignCase): Promise<void> => {
  const { row, scope } = await loadForChange(tx, actor, input, "case.reassign");
  if (input.caseOfficerId === row.caseOfficerId) throw validationError({ caseOfficerId: ["Välj en annan handläggare än den nuvarande."] });
  const [from, to] = await Promise.all([
    tx.user.findUnique({ where: { id: row.caseOfficerId }, select: { name: true } }),
    tx.user.findFirst({ where: { id: input.caseOfficerId, ...caseOfficerWhere(scope) }, select: { id: true, name: true } }),
  ]);
  if (!to) throw validationError({ caseOfficerId: ["Den valda personen är inte handläggare på ärendets avdelning."] });
  await conditionalUpdate(tx, input, { caseOfficerId: to.id });
  // A medhandläggare who becomes responsible is no longer also a medhandläggare.
  await tx.caseCoOfficer.deleteMany({ where: { caseId: row.id, userId: to.id } });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "case.reassign",
    entityType: "Case",
    entityId: row.id,
    caseId: row.id,
    data: { fromUserId: row.caseOfficerId, fromName: from?.name ?? null, toUserId: to.id, toName: to.name },
  });
};

const finishCaseInTx = async (
  tx: Tx,
  actor: Actor,
  input: { caseId: string; version: number; reason: string },
  { status, action }: { status: "CLOSED" | "MISREGISTERED"; action: "case.close" | "case.misregister" },
): Promise<void> => {
  const { row, scope } = await loadForChange(tx, actor, input, action);
  const now = new Date();
  await conditionalUpdate(tx, input, { status, closedAt: now, closedReason: input.reason });
  // A finished case has nothing left to watch: its deadlines leave the bevakning lists.
  await tx.deadline.updateMany({ where: { caseId: row.id, completedAt: null }, data: { completedAt: now } });
  await recordAudit(tx, {
    actorId: actor.id,
    action,
    entityType: "Case",
    entityId: row.id,
    caseId: row.id,
    // The reason of a confidential case stays on the case, out of the more widely read log.
    data: scope.confidential ? { confidential: true } : { reason: input.reason },
  });
};

export const closeCaseInTx = (tx: Tx, actor: Actor, input: TCloseCase): Promise<void> =>
  finishCaseInTx(tx, actor, input, { status: "CLOSED", action: "case.close" });

export const markCaseMisregisteredInTx = (tx: Tx, actor: Actor, input: TMarkMisregistered): Promise<void> =>
  finishCaseInTx(tx, actor, input, { status: "MISREGISTERED", action: "case.misregister" });

export const reassignCase = async ({ actor, input }: CaseChangeOptions<TReassignCase>): Promise<void> => {
  await db.$transaction((tx) => reassignCaseInTx(tx, actor, input));
};

export const closeCase = async ({ actor, input }: CaseChangeOptions<TCloseCase>): Promise<void> => {
  await db.$transaction((tx) => closeCaseInTx(tx, actor, input));
};

/** Felregistrerat: the case keeps its number (never reused) and leaves the work lists. */
export const markCaseMisregistered = async ({ actor, input }: CaseChangeOptions<TMarkMisregistered>): Promise<void> => {
  await db.$transaction((tx) => markCaseMisregisteredInTx(tx, actor, input));
};
