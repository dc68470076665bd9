// Sending a case on remiss: the remissinstanser (internal: committees of the SAME municipality,
// delivered to their "Inkomna remisser"; external: name and registry e-mail, including other
// municipalities — never a write in another tenant), each with its remisstid; the remissmissiv
// frozen as the sending's letter and registered as outgoing handling(s) in the sender's case
// (one per instans or one with the recipient list), each keeping the missiv as a PDF/A record
// stored by the worker. One transaction with the audit event.
import "server-only";
import type { Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { enqueueRecordStorage } from "@/server/jobs";
import { validationError } from "@/server/validation";
import { authorize, findCaseWithScope, toCaseScope, unknownResource } from "@/server/authz";
import { createCaseDocumentInTx } from "@/features/cases/server";
import { secrecyNotice } from "@/features/cases/secrecy";
import { formatDocumentNumber } from "@/lib/case-number";
import { formatDateOnly, isoDateToDb, todayInStockholm } from "@/lib/dates";
import { orderedUuidV7s } from "@/lib/ids";
import type { TReferralLetter } from "../letter";
import type { TSendReferral } from "../schemas";
import { referralLetterHash } from "./referral-letter";

export type SendReferralOptions = { actor: Actor; input: TSendReferral; now?: Date };

const REFUSED = { forbidden: "Du har inte behörighet att skicka ärendet på remiss." };

export const sendReferral = async ({ actor, input, now = new Date() }: SendReferralOptions) => {
  const result = await db.$transaction(async (tx) => {
    const found = await findCaseWithScope(tx, input.caseId, {
      id: true,
      status: true,
      title: true,
      caseNumber: true,
      receivedDate: true,
      secrecyReference: true,
      secrecyReason: true,
      committee: { select: { name: true, municipalityId: true, municipality: { select: { name: true } } } },
      department: { select: { administrationId: true, administration: { select: { name: true } } } },
      series: { select: { documentNumberFormat: true } },
    });
    if (!found) throw unknownResource("referral.manage");
    const scope = authorize(actor, "referral.manage", toCaseScope(found), REFUSED);
    if (found.status !== "OPEN") throw new AppError("INVALID_STATE", "Case not open", { userMessage: `Ärendet ${found.caseNumber} är avslutat och kan inte skickas på remiss.` });
    if (input.sentDate > todayInStockholm(now)) throw validationError({ sentDate: ["Datumet för utskicket kan inte ligga i framtiden."] });
    if (input.sentDate < formatDateOnly(found.receivedDate)) throw validationError({ sentDate: ["Utskicket kan inte vara före datumet då ärendet kom in."] });

    // Internal instances: committees of the sender's own municipality only. An id from another
    // municipality is the same unknown committee as an id that names nothing.
    const committeeIds = input.recipients.flatMap((recipient) => (recipient.kind === "INTERNAL" ? [recipient.committeeId] : []));
    const committees = new Map(
      (await tx.committee.findMany({ where: { id: { in: committeeIds }, municipalityId: scope.municipalityId }, select: { id: true, name: true } })).map((committee) => [committee.id, committee.name]),
    );
    const unknown = committeeIds.filter((id) => !committees.has(id));
    if (unknown.length > 0) throw validationError({ recipients: ["Välj nämnder i den egna kommunen. En annan kommun är en extern remissinstans (med e-postadress)."] });
    if (committees.has(found.committeeId)) throw validationError({ recipients: [`${found.committee.name} kan inte vara remissinstans i sitt eget ärende.`] });

    const documents = await tx.caseDocument.findMany({ where: { id: { in: input.documentIds }, caseId: found.id }, select: { id: true, number: true, description: true, secrecyReference: true }, orderBy: { number: "asc" } });
    if (documents.length !== new Set(input.documentIds).size) throw validationError({ documentIds: ["Välj handlingar i ärendet."] });

    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true, title: true, phone: true, email: true } });
    // Ids in the order chosen: the missiv, the handlings and the remiss table list the instances so.
    const ids = orderedUuidV7s(input.recipients.length, now.getTime());
    const recipients = input.recipients.map((recipient, index) => ({
      id: ids[index]!,
      ...(recipient.kind === "INTERNAL"
        ? { kind: "INTERNAL" as const, committeeId: recipient.committeeId, name: committees.get(recipient.committeeId)!, email: null }
        : { kind: "EXTERNAL" as const, committeeId: null, name: recipient.name, email: recipient.email }),
      dueDate: recipient.dueDate,
    }));
    const letter: TReferralLetter = {
      municipality: found.committee.municipality.name,
      sender: { committee: found.committee.name, organisation: found.department.administration.name },
      caseNumber: found.caseNumber,
      caseTitle: found.title,
      sentDate: input.sentDate,
      contact: { name: user.name, title: user.title, phone: user.phone, email: user.email },
      text: input.text,
      recipients: recipients.map(({ id, name, dueDate }) => ({ id, name, dueDate })),
      // A handling with its own marking is listed as the diarium lists it to those who may not
      // read it: the missiv's handling carries only the case's marking and goes to the instance.
      documents: documents.map((document) => ({
        number: formatDocumentNumber(found.caseNumber, document.number, found.series.documentNumberFormat),
        description: document.secrecyReference === null ? document.description : secrecyNotice(document.secrecyReference),
      })),
    };
    const letterHash = referralLetterHash(letter);
    const round = await tx.referralRound.create({
      data: {
        caseId: found.id,
        letterMode: input.letterMode,
        letter,
        letterHash,
        sentDate: isoDateToDb(input.sentDate),
        sentById: actor.id,
        reminderDaysBefore: input.reminderDaysBefore,
        reminderDaysAfter: input.reminderDaysAfter,
        documents: { create: documents.map((document) => ({ documentId: document.id })) },
      },
      select: { id: true },
    });

    // The missiv quotes the case: its handling carries the case's marking.
    const handling = (subjectId: string, counterpart: string, description: string) =>
      createCaseDocumentInTx(tx, {
        actorId: actor.id,
        caseId: found.id,
        direction: "OUTGOING",
        documentDate: isoDateToDb(input.sentDate),
        counterpart,
        description,
        secrecyReference: found.secrecyReference,
        secrecyReason: found.secrecyReason,
        generated: [{ kind: "REFERRAL_LETTER", subjectId, contentHash: letterHash }],
      });
    const outgoing: Awaited<ReturnType<typeof handling>>[] = [];
    if (input.letterMode === "SHARED") {
      const shared = await handling(round.id, recipients.map((recipient) => recipient.name).join("; ").slice(0, 2000), `Remiss till ${recipients.length} ${recipients.length === 1 ? "remissinstans" : "remissinstanser"}`);
      outgoing.push(...recipients.map(() => shared));
    } else {
      // One at a time: handling numbers are drawn from the case's counter in order.
      for (const recipient of recipients) outgoing.push(await handling(recipient.id, recipient.name, `Remiss, svar senast ${recipient.dueDate}`));
    }
    await tx.referralRecipient.createMany({
      data: recipients.map((recipient, index) => ({
        id: recipient.id,
        roundId: round.id,
        kind: recipient.kind,
        committeeId: recipient.committeeId,
        name: recipient.name,
        email: recipient.email,
        dueDate: isoDateToDb(recipient.dueDate),
        outgoingDocumentId: outgoing[index]!.id,
      })),
    });
    const documentNumbers = [...new Set(outgoing.map((document) => document.documentNumber))];
    await recordAudit(tx, {
      actorId: actor.id,
      action: "referral.send",
      entityType: "ReferralRound",
      entityId: round.id,
      caseId: found.id,
      data: {
        sentDate: input.sentDate,
        letterMode: input.letterMode,
        letterHash,
        recipients: recipients.map((recipient) => ({ id: recipient.id, kind: recipient.kind, name: recipient.name, dueDate: recipient.dueDate })),
        documents: documentNumbers,
      },
    });
    return { roundId: round.id, recipientIds: recipients.map((recipient) => recipient.id), documentNumbers, recordIds: [...new Set(outgoing.flatMap((document) => document.recordIds))] };
  });
  await enqueueRecordStorage(result.recordIds);
  return result;
};
