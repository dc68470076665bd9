// The receiving side of an internal remiss: "Inkomna remisser" of the committees whose
// registrator the actor is; accepting one into a new case of the committee (the sender's dnr
// as external reference, the remisstid as deadline, the missiv and the remisshandlingar linked
// by their stored blobs — the same SHA-256, nothing uploaded again), or sending it back with a
// reason the sender sees. Each in one transaction with its audit event; the instance changes by
// a conditional write under its version (two registrars accepting at once: one wins).
import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { enqueueRecordStorage } from "@/server/jobs";
import { can, CASE_SCOPE_SELECT, COMMITTEE_SCOPE_SELECT, readableCommitteesWhere, toCaseScope, toCommitteeScope } from "@/server/authz";
import { caseHiddenFrom, createCaseDocumentInTx, registerCaseInTx } from "@/features/cases/server";
import { CONFIDENTIAL_CASE_TITLE } from "@/features/cases/secrecy";
import { formatDocumentNumber } from "@/lib/case-number";
import { formatDateOnly } from "@/lib/dates";
import type { ZAcceptReferralSchema, ZReturnReferralSchema } from "../schemas";
import { changeRecipient, lockRecipientRow, RECIPIENT_CHANGED } from "./recipient-rows";

const NOT_FOUND = "Remissen finns inte, eller så saknar du behörighet att ta emot den.";

/** The committees whose "Inkomna remisser" the actor handles. */
const receivingCommitteeIds = async (actor: Actor): Promise<string[]> =>
  (await db.committee.findMany({ where: readableCommitteesWhere(actor), select: COMMITTEE_SCOPE_SELECT }))
    .filter((committee) => can(actor, "referral.receive", toCommitteeScope(committee)))
    .map((committee) => committee.id);

export type IncomingReferral = {
  id: string;
  version: number;
  committee: { id: string; name: string };
  sender: string;
  senderCaseNumber: string;
  /** Masked as the diarium shows a confidential case to someone who may not read it. */
  title: string;
  /** The sender's case is confidential and the actor may not read it: title masked, no missiv to read. */
  masked: boolean;
  secrecyReference: string | null;
  sentDate: string;
  dueDate: string;
  missivId: string;
};

/** "Inkomna remisser": internal remisser sent to the actor's committees and not yet accepted or returned, oldest remisstid first. */
export const listIncomingReferrals = async ({ actor }: { actor: Actor }): Promise<IncomingReferral[]> => {
  const committeeIds = await receivingCommitteeIds(actor);
  if (committeeIds.length === 0) return [];
  const rows = await db.referralRecipient.findMany({
    where: { committeeId: { in: committeeIds }, status: "SENT" },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    select: {
      id: true,
      version: true,
      dueDate: true,
      committee: { select: { id: true, name: true } },
      round: { select: { id: true, letterMode: true, sentDate: true, case: { select: { ...CASE_SCOPE_SELECT, caseNumber: true, title: true, committee: { select: { name: true, municipalityId: true } } } } } },
    },
  });
  return rows.map((row) => {
    const sender = row.round.case;
    const hidden = caseHiddenFrom(actor, toCaseScope(sender));
    return {
      id: row.id,
      version: row.version,
      committee: row.committee!,
      sender: sender.committee.name,
      senderCaseNumber: sender.caseNumber,
      title: hidden ? CONFIDENTIAL_CASE_TITLE : sender.title,
      masked: hidden,
      secrecyReference: sender.secrecyReference,
      sentDate: formatDateOnly(row.round.sentDate),
      dueDate: formatDateOnly(row.dueDate),
      missivId: row.round.letterMode === "SHARED" ? row.round.id : row.id,
    };
  });
};

/** Locks the instance and checks that the actor receives for its committee; unknown and someone else's look the same. */
const lockIncoming = async (tx: Tx, actor: Actor, recipientId: string, version: number) => {
  await lockRecipientRow(tx, recipientId, NOT_FOUND);
  const recipient = await tx.referralRecipient.findUnique({
    where: { id: recipientId },
    select: {
      id: true,
      status: true,
      version: true,
      name: true,
      dueDate: true,
      roundId: true,
      committee: { select: COMMITTEE_SCOPE_SELECT },
      round: {
        select: {
          id: true,
          letterMode: true,
          letterHash: true,
          sentDate: true,
          case: {
            select: {
              id: true,
              kind: true,
              title: true,
              caseNumber: true,
              secrecyReference: true,
              secrecyReason: true,
              committee: { select: { name: true } },
              series: { select: { documentNumberFormat: true } },
              motion: { select: { number: true, title: true, raisedDate: true, authors: { orderBy: { position: "asc" } }, proposals: { orderBy: { position: "asc" } } } },
            },
          },
          documents: {
            orderBy: { document: { number: "asc" } },
            select: { document: { select: { number: true, description: true, documentDate: true, secrecyReference: true, secrecyReason: true, files: { select: { blobSha256: true, fileName: true, mimeType: true, size: true }, orderBy: { createdAt: "asc" } } } } },
          },
        },
      },
    },
  });
  if (!recipient?.committee || !can(actor, "referral.receive", toCommitteeScope(recipient.committee))) throw new AppError("NOT_FOUND", "Referral recipient not found", { userMessage: NOT_FOUND });
  if (recipient.status !== "SENT") {
    throw new AppError("INVALID_STATE", `Referral recipient ${recipient.id} is ${recipient.status}`, { userMessage: "Remissen är redan mottagen eller återsänd. Läs in sidan på nytt." });
  }
  if (recipient.version !== version) throw new AppError("CONFLICT", "Referral recipient changed", { userMessage: RECIPIENT_CHANGED });
  return recipient;
};

export type AcceptReferralOptions = { actor: Actor; input: z.output<typeof ZAcceptReferralSchema>; now?: Date };

export const acceptReferral = async ({ actor, input, now = new Date() }: AcceptReferralOptions) => {
  const result = await db.$transaction(async (tx) => {
    const recipient = await lockIncoming(tx, actor, input.recipientId, input.version);
    const { round } = recipient;
    const sender = round.case;
    const motion = sender.motion;
    const sentDate = formatDateOnly(round.sentDate);
    const created = await registerCaseInTx(tx, {
      actor,
      input: {
        idempotencyKey: randomUUID(),
        title: sender.title,
        kind: motion ? "MOTION_REFERRAL" : "AGENCY_REFERRAL",
        committeeId: recipient.committee!.id,
        departmentId: input.departmentId,
        caseOfficerId: input.caseOfficerId,
        classificationId: input.classificationId,
        referringBody: sender.committee.name,
        referringCaseNumber: sender.caseNumber,
        existingCaseNumber: undefined,
        existingNumberReason: undefined,
        receivedDate: sentDate,
        dueDate: formatDateOnly(recipient.dueDate),
        motion: motion
          ? {
              number: motion.number ?? undefined,
              title: motion.title,
              raisedDate: formatDateOnly(motion.raisedDate),
              authors: motion.authors.map((author) => ({ name: author.name, party: author.party ?? undefined })),
              proposals: motion.proposals.map((proposal) => proposal.text),
            }
          : undefined,
        // The remiss of a confidential case stays confidential in the receiving diarium.
        confidentiality: sender.secrecyReference ? { reference: sender.secrecyReference, reason: sender.secrecyReason ?? `Sekretessmarkerat av ${sender.committee.name}` } : undefined,
      },
    });
    const marking = { secrecyReference: sender.secrecyReference, secrecyReason: sender.secrecyReason };
    // The missiv: the same frozen letter renders the same bytes (the same blob) as the sender's record.
    const missiv = await createCaseDocumentInTx(tx, {
      actorId: actor.id,
      caseId: created.id,
      direction: "INCOMING",
      documentDate: round.sentDate,
      counterpart: sender.committee.name,
      description: `Remiss från ${sender.committee.name}, dnr ${sender.caseNumber}`,
      ...marking,
      generated: [{ kind: "REFERRAL_LETTER", subjectId: round.letterMode === "SHARED" ? round.id : recipient.id, contentHash: round.letterHash }],
    });
    // The remisshandlingar: their stored files linked by blob (no copy of the bytes, the same SHA-256).
    for (const { document } of round.documents) {
      await createCaseDocumentInTx(tx, {
        actorId: actor.id,
        caseId: created.id,
        direction: "INCOMING",
        documentDate: document.documentDate,
        counterpart: sender.committee.name,
        description: `${document.description} (${formatDocumentNumber(sender.caseNumber, document.number, sender.series.documentNumberFormat)})`,
        secrecyReference: document.secrecyReference ?? sender.secrecyReference,
        secrecyReason: document.secrecyReference ? document.secrecyReason : sender.secrecyReason,
        files: document.files,
      });
    }
    await changeRecipient(tx, recipient, { status: "ACCEPTED", acceptedAt: now, acceptedById: actor.id, receivingCaseId: created.id }, { status: "SENT" });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "referral.accept",
      entityType: "ReferralRecipient",
      entityId: recipient.id,
      caseId: sender.id,
      data: { name: recipient.name, receivingCaseId: created.id, receivingCaseNumber: created.caseNumber },
    });
    return { caseId: created.id, caseNumber: created.caseNumber, recordIds: missiv.recordIds };
  });
  await enqueueRecordStorage(result.recordIds);
  return { caseId: result.caseId, caseNumber: result.caseNumber };
};

export type ReturnReferralOptions = { actor: Actor; input: z.output<typeof ZReturnReferralSchema>; now?: Date };

export const returnReferral = async ({ actor, input, now = new Date() }: ReturnReferralOptions) =>
  db.$transaction(async (tx) => {
    const recipient = await lockIncoming(tx, actor, input.recipientId, input.version);
    await changeRecipient(tx, recipient, { status: "RETURNED", returnedAt: now, returnedById: actor.id, returnReason: input.reason }, { status: "SENT" });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "referral.return",
      entityType: "ReferralRecipient",
      entityId: recipient.id,
      caseId: recipient.round.case.id,
      data: { name: recipient.name, reason: input.reason },
    });
    return { name: recipient.name };
  });
