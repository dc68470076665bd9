// Answers coming home and the sender's follow-up of its instances:
// - an internal instans' dispatch of an answering decision registers the answer as an incoming
//   handling in the sender's case in the dispatch's own transaction (its files: the same
//   generated records, so the same bytes), and marks the instance answered with the dispatch
//   date and the position the receiving side chose (if it did);
// - an external instans' answer is registered by the sender's registrar: the incoming handling
//   (uploaded through Registrera handling) recorded against the instance;
// - the sender edits the position and summary, and extends a remisstid (audited).
// Every change is a conditional write under the instance's version.
import "server-only";
import type { z } from "zod";
import type { GeneratedRecordKind, ReferralPosition } from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { validationError } from "@/server/validation";
import { authorize, CASE_SCOPE_SELECT, toCaseScope } from "@/server/authz";
import { createCaseDocumentInTx } from "@/features/cases/server";
import { formatDocumentNumber } from "@/lib/case-number";
import { formatDateOnly, isoDateToDb, todayInStockholm } from "@/lib/dates";
import { isUuid } from "@/lib/ids";
import { REFERRAL_POSITION_LABELS } from "../labels";
import type { ZExtendReferralSchema, ZExternalAnswerSchema, ZReferralPositionSchema } from "../schemas";
import { changeRecipient, lockRecipientRow, RECIPIENT_CHANGED } from "./recipient-rows";

const NOT_FOUND = "Remissinstansen finns inte, eller så saknar du behörighet att se den.";

export type RegisterReferralAnswerOptions = {
  actorId: string;
  /** The receiving committee's case whose decision was dispatched. */
  receivingCaseId: string;
  dispatchId: string;
  sentDate: Date;
  /** The dispatched handling's description (the protokollsutdrag, with the tjänsteutlåtande). */
  description: string;
  secrecyReference: string | null;
  secrecyReason: string | null;
  generated: { kind: GeneratedRecordKind; subjectId: string; contentHash: string | null }[];
  answer?: { position: ReferralPosition; summary?: string | undefined };
};

/**
 * Inside the dispatch's transaction: when the dispatched case is an accepted internal remiss,
 * its answer goes home to the sender's case. Null when the case came from no internal remiss,
 * or its answer already went home (a second dispatch is not a second answer).
 */
export const registerReferralAnswerInTx = async (tx: Tx, options: RegisterReferralAnswerOptions) => {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "referral_recipient" WHERE receiving_case_id = ${options.receivingCaseId}::uuid AND status = 'ACCEPTED' FOR UPDATE`;
  if (!locked) return null;
  const recipient = await tx.referralRecipient.findUniqueOrThrow({
    where: { id: locked.id },
    select: { id: true, version: true, name: true, round: { select: { caseId: true } } },
  });
  const document = await createCaseDocumentInTx(tx, {
    actorId: options.actorId,
    caseId: recipient.round.caseId,
    direction: "INCOMING",
    documentDate: options.sentDate,
    counterpart: recipient.name,
    description: `Remissvar: ${options.description}`,
    secrecyReference: options.secrecyReference,
    secrecyReason: options.secrecyReason,
    generated: options.generated,
  });
  await changeRecipient(
    tx,
    recipient,
    {
      status: "ANSWERED",
      answeredDate: options.sentDate,
      answerDocumentId: document.id,
      answerDispatchId: options.dispatchId,
      position: options.answer?.position ?? null,
      summary: options.answer?.summary ?? null,
      answerRecordedById: options.answer ? options.actorId : null,
    },
    { status: "ACCEPTED" },
  );
  await recordAudit(tx, {
    actorId: options.actorId,
    action: "referral.answer",
    entityType: "ReferralRecipient",
    entityId: recipient.id,
    caseId: recipient.round.caseId,
    data: {
      name: recipient.name,
      answeredDate: formatDateOnly(options.sentDate),
      documentNumber: document.documentNumber,
      position: options.answer ? REFERRAL_POSITION_LABELS[options.answer.position] : null,
      dispatchId: options.dispatchId,
    },
  });
  return { recipientId: recipient.id, documentNumber: document.documentNumber, recordIds: document.recordIds };
};

/** The instance with its sender case, locked, for a change by the sender ("referral.manage"). */
const lockForSender = async (tx: Tx, actor: Actor, recipientId: string, version: number) => {
  await lockRecipientRow(tx, recipientId, NOT_FOUND);
  const recipient = await tx.referralRecipient.findUnique({
    where: { id: recipientId },
    select: {
      id: true,
      kind: true,
      status: true,
      version: true,
      name: true,
      dueDate: true,
      answerDocumentId: true,
      round: { select: { sentDate: true, case: { select: { ...CASE_SCOPE_SELECT, id: true, caseNumber: true, series: { select: { documentNumberFormat: true } } } } } },
    },
  });
  if (!recipient) throw new AppError("NOT_FOUND", "Referral recipient not found", { userMessage: NOT_FOUND });
  authorize(actor, "referral.manage", toCaseScope(recipient.round.case), { notFound: NOT_FOUND, forbidden: "Du har inte behörighet att följa upp remissen." });
  if (recipient.version !== version) throw new AppError("CONFLICT", "Referral recipient changed", { userMessage: RECIPIENT_CHANGED });
  return recipient;
};

export type RecordExternalAnswerOptions = { actor: Actor; input: z.output<typeof ZExternalAnswerSchema>; now?: Date };

/** An external instans' answer: its incoming handling in the sender's case recorded against the instance. */
export const recordExternalAnswer = async ({ actor, input, now = new Date() }: RecordExternalAnswerOptions) =>
  db.$transaction(async (tx) => {
    const recipient = await lockForSender(tx, actor, input.recipientId, input.version);
    const theCase = recipient.round.case;
    if (recipient.kind !== "EXTERNAL") {
      throw new AppError("INVALID_STATE", "Internal answers come home by dispatch", { userMessage: "Svaret från en intern remissinstans registreras automatiskt när nämnden expedierar sitt beslut." });
    }
    if (recipient.status === "ANSWERED") throw new AppError("INVALID_STATE", "Already answered", { userMessage: `${recipient.name} har redan svarat. Ändra ställningstagandet i stället.` });
    if (input.answeredDate > todayInStockholm(now)) throw validationError({ answeredDate: ["Datumet kan inte ligga i framtiden."] });
    if (input.answeredDate < formatDateOnly(recipient.round.sentDate)) throw validationError({ answeredDate: ["Svaret kan inte vara före utskicket."] });
    const document = isUuid(input.documentId)
      ? await tx.caseDocument.findFirst({ where: { id: input.documentId, caseId: theCase.id, direction: "INCOMING", referralAnswerFor: null }, select: { id: true, number: true } })
      : null;
    if (!document) throw validationError({ documentId: ["Välj en inkommande handling i ärendet som inte redan är ett remissvar."] });
    await changeRecipient(tx, recipient, { status: "ANSWERED", answeredDate: isoDateToDb(input.answeredDate), answerDocumentId: document.id, position: input.position, summary: input.summary ?? null, answerRecordedById: actor.id });
    const documentNumber = formatDocumentNumber(theCase.caseNumber, document.number, theCase.series.documentNumberFormat);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "referral.answer",
      entityType: "ReferralRecipient",
      entityId: recipient.id,
      caseId: theCase.id,
      data: { name: recipient.name, answeredDate: input.answeredDate, documentNumber, position: REFERRAL_POSITION_LABELS[input.position] },
    });
    return { name: recipient.name, documentNumber };
  });

export type SetReferralPositionOptions = { actor: Actor; input: z.output<typeof ZReferralPositionSchema> };

/** The sender sets or corrects an answered instance's position and summary. */
export const setReferralPosition = async ({ actor, input }: SetReferralPositionOptions) =>
  db.$transaction(async (tx) => {
    const recipient = await lockForSender(tx, actor, input.recipientId, input.version);
    if (recipient.status !== "ANSWERED") throw new AppError("INVALID_STATE", "Not answered", { userMessage: `${recipient.name} har inte svarat ännu.` });
    await changeRecipient(tx, recipient, { position: input.position, summary: input.summary ?? null, answerRecordedById: actor.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "referral.position",
      entityType: "ReferralRecipient",
      entityId: recipient.id,
      caseId: recipient.round.case.id,
      data: { name: recipient.name, position: REFERRAL_POSITION_LABELS[input.position] },
    });
    return { name: recipient.name };
  });

export type ExtendReferralOptions = { actor: Actor; input: z.output<typeof ZExtendReferralSchema> };

/**
 * A later remisstid for an instance that has not answered. The accepted remiss' own case
 * follows (its remisstid and bevakning, with an event in its history too), and the reminders
 * are due again relative to the new date.
 */
export const extendReferralDueDate = async ({ actor, input }: ExtendReferralOptions) =>
  db.$transaction(async (tx) => {
    const recipient = await lockForSender(tx, actor, input.recipientId, input.version);
    if (recipient.status === "ANSWERED" || recipient.status === "RETURNED") {
      throw new AppError("INVALID_STATE", `Referral recipient is ${recipient.status}`, { userMessage: `${recipient.name} har redan ${recipient.status === "ANSWERED" ? "svarat" : "skickat tillbaka remissen"}.` });
    }
    const before = formatDateOnly(recipient.dueDate);
    if (input.dueDate <= before) throw validationError({ dueDate: [`Den nya remisstiden måste vara senare än den nuvarande (${before}).`] });
    const dueDate = isoDateToDb(input.dueDate);
    await changeRecipient(tx, recipient, { dueDate, reminderBeforeQueuedAt: null, reminderAfterQueuedAt: null });
    const receiving = await tx.referralRecipient.findUniqueOrThrow({ where: { id: recipient.id }, select: { receivingCaseId: true } });
    if (receiving.receivingCaseId) {
      await tx.case.update({ where: { id: receiving.receivingCaseId }, data: { dueDate, version: { increment: 1 } } });
      await tx.deadline.updateMany({ where: { caseId: receiving.receivingCaseId, kind: "REFERRAL_DUE", completedAt: null }, data: { dueDate } });
    }
    const event = { actorId: actor.id, action: "referral.extend" as const, entityType: "ReferralRecipient", entityId: recipient.id, data: { name: recipient.name, before, after: input.dueDate } };
    await recordAudit(tx, { ...event, caseId: recipient.round.case.id });
    if (receiving.receivingCaseId) await recordAudit(tx, { ...event, caseId: receiving.receivingCaseId });
    return { name: recipient.name, before, after: input.dueDate };
  });
