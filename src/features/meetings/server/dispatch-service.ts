// Expediering: the protokollsutdrag (and the tjänsteutlåtande) sent to kommunstyrelsen
// and others, each registered as an outgoing handling in the case; then the case is
// closed as answered ("Besvarad") with the date the committee decided, which also
// completes the remisstid and the motion's one-year deadline. Each outgoing handling keeps
// what was sent as its files: the protokollsutdrag and, when chosen, the attested
// tjänsteutlåtande (generated records, stored by the worker: features/exports/server/records.ts).
// When the case is an internal remiss, the answer is registered in the sender's case as well.
import "server-only";
import type { z } from "zod";
import type { Actor } from "@/server/auth";
import { recordAudit } from "@/server/audit";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { enqueueRecordStorage } from "@/server/jobs";
import { authorize, can, CASE_SCOPE_SELECT, loadCommitteeScope, toCaseScope, unknownResource } from "@/server/authz";
import { closeCaseInTx, createCaseDocumentInTx } from "@/features/cases/server";
import { registerReferralAnswerInTx } from "@/features/referrals/server";
import { statementSecrecyMarking } from "@/features/statements/server";
import { extractDescription } from "../format";
import { ZCloseAnsweredSchema, ZDispatchSchema } from "../schemas";
import { MEETING_EDIT_REFUSED } from "./meeting-guards";
import { getAttestedStatement } from "./statement-state";
import { formatDateOnly, isoDateToDb, stockholmToday } from "@/lib/dates";
import { isUuid } from "@/lib/ids";
import { decisionDate, dispatchDateProblem } from "../dates";

const DECISION_NOT_FOUND = "Beslutet finns inte, eller så saknar du behörighet att se det.";

/** Decisions that answer the remiss (återremiss and bordläggning do not). */
const ANSWERING_KINDS = ["AS_PROPOSED", "AMENDED", "REJECTED"] as const;

export type DispatchDecisionOptions = { actor: Actor; input: z.output<typeof ZDispatchSchema>; now?: Date };

export const dispatchDecision = async ({ actor, input: data, now = new Date() }: DispatchDecisionOptions) => {
  const result = await db.$transaction(async (tx) => {
    const decision = isUuid(data.decisionId)
      ? await tx.decision.findUnique({
          where: { id: data.decisionId },
          include: {
            agendaItem: {
              select: { caseId: true, title: true, meeting: { select: { id: true, startsAt: true, committeeId: true, committee: { select: { shortName: true } }, minutes: { select: { status: true, contentHash: true } } } } },
            },
          },
        })
      : null;
    if (!decision) throw new AppError("NOT_FOUND", "Decision not found", { userMessage: DECISION_NOT_FOUND });
    const meeting = decision.agendaItem.meeting;
    authorize(actor, "meeting.edit", await loadCommitteeScope(tx, meeting.committeeId), { ...MEETING_EDIT_REFUSED, notFound: DECISION_NOT_FOUND });
    const caseId = decision.agendaItem.caseId;
    if (!caseId) throw new AppError("VALIDATION", "Decision without case", { userMessage: "Bara beslut i ärenden kan expedieras." });
    if (meeting.minutes?.status !== "APPROVED" && !decision.immediateApproval) {
      throw new AppError("INVALID_STATE", "Paragraph not approved", {
        userMessage: `§ ${decision.paragraph} är inte justerad. Protokollsutdrag kan expedieras först när protokollet är justerat (eller paragrafen omedelbart justerad).`,
      });
    }
    const dateProblem = dispatchDateProblem(data.sentDate, meeting.startsAt, now);
    if (dateProblem) throw new AppError("VALIDATION", "Dispatch date outside meeting day..today", { userMessage: dateProblem, fieldErrors: { sentDate: [dateProblem] } });
    // Lock the case: a concurrent close waits for this dispatch, or wins and is seen here.
    await tx.$queryRaw`SELECT id FROM "case" WHERE id = ${caseId}::uuid FOR UPDATE`;
    const found = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { ...CASE_SCOPE_SELECT, status: true, caseNumber: true, secrecyReference: true, secrecyReason: true } });
    if (!can(actor, "case.addDocument", toCaseScope(found))) {
      throw new AppError("FORBIDDEN", "Actor may not add documents", { userMessage: "Du har inte behörighet att registrera handlingar i ärendet." });
    }
    if (found.status !== "OPEN") throw new AppError("INVALID_STATE", "Case not open", { userMessage: `Ärendet ${found.caseNumber} är avslutat. Expediera innan ärendet avslutas.` });

    const description = extractDescription({
      shortName: meeting.committee.shortName,
      paragraph: decision.paragraph,
      year: decision.year,
      meetingDate: decisionDate(meeting.startsAt),
      title: decision.agendaItem.title,
      includeStatement: data.includeStatement,
    });
    // What is sent, bound to what was justerat: the minutes' content hash once they are
    // justerade (an immediately justerad § of minutes not yet justerade binds none), and the
    // attested version's hash of the tjänsteutlåtande.
    const statement = data.includeStatement ? await getAttestedStatement(tx, caseId) : null;
    const generated = [
      { kind: "EXTRACT" as const, subjectId: decision.id, contentHash: meeting.minutes?.status === "APPROVED" ? meeting.minutes.contentHash : null },
      ...(statement ? [{ kind: "STATEMENT" as const, subjectId: statement.statementId, contentHash: statement.contentHash }] : []),
    ];
    // The extract of a confidential case quotes it, and the tjänsteutlåtande names its bilagor:
    // the handling carries the marking of what it keeps.
    const marking = statement ? await statementSecrecyMarking(tx, found, statement.content) : { secrecyReference: found.secrecyReference, secrecyReason: found.secrecyReason };
    const created: { dispatchId: string; documentNumber: string; recipient: string }[] = [];
    const recordIds: string[] = [];
    for (const recipient of data.recipients) {
      const document = await createCaseDocumentInTx(tx, {
        actorId: actor.id,
        caseId,
        direction: "OUTGOING",
        documentDate: isoDateToDb(data.sentDate),
        counterpart: recipient,
        description,
        ...marking,
        generated,
      });
      recordIds.push(...document.recordIds);
      const dispatch = await tx.dispatch.create({
        data: { caseId, decisionId: decision.id, documentId: document.id, recipient, sentDate: isoDateToDb(data.sentDate), createdById: actor.id },
      });
      created.push({ dispatchId: dispatch.id, documentNumber: document.documentNumber, recipient });
    }
    // The answer to an internal remiss goes home to the sender's case, in this transaction.
    const referral = (ANSWERING_KINDS as readonly string[]).includes(decision.kind)
      ? await registerReferralAnswerInTx(tx, { actorId: actor.id, receivingCaseId: caseId, dispatchId: created[0]!.dispatchId, sentDate: isoDateToDb(data.sentDate), description, ...marking, generated, answer: data.referralAnswer })
      : null;
    if (referral) recordIds.push(...referral.recordIds);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "decision.dispatch",
      entityType: "Decision",
      entityId: decision.id,
      caseId,
      data: { paragraph: `§ ${decision.paragraph}/${decision.year}`, recipients: data.recipients, sentDate: data.sentDate, documents: created.map((row) => row.documentNumber), includeStatement: data.includeStatement },
    });
    return { dispatches: created, recordIds, referralAnswer: referral ? { documentNumber: referral.documentNumber } : null };
  });
  await enqueueRecordStorage(result.recordIds);
  return result;
};

export type CloseCaseAsAnsweredOptions = { actor: Actor; input: z.output<typeof ZCloseAnsweredSchema>; now?: Date };

export const closeCaseAsAnswered = async ({ actor, input, now = new Date() }: CloseCaseAsAnsweredOptions) => {
  const { caseId, version } = input;
  return db.$transaction(async (tx) => {
    const found = await tx.case.findUnique({ where: { id: caseId }, select: { ...CASE_SCOPE_SELECT, status: true, caseNumber: true } });
    if (!found) throw unknownResource("case.close");
    authorize(actor, "case.close", toCaseScope(found), { forbidden: "Du har inte behörighet att avsluta ärendet." });
    if (found.status !== "OPEN") throw new AppError("INVALID_STATE", "Case not open", { userMessage: `Ärendet ${found.caseNumber} är redan avslutat.` });
    const dispatch = await tx.dispatch.findFirst({
      where: { caseId, decision: { kind: { in: [...ANSWERING_KINDS] } } },
      orderBy: { sentDate: "desc" },
      select: { decision: { select: { agendaItem: { select: { meeting: { select: { startsAt: true } } } } } } },
    });
    if (!dispatch?.decision) {
      throw new AppError("INVALID_STATE", "Nothing dispatched", { userMessage: "Nämndens beslut är inte expedierat. Expediera protokollsutdraget innan ärendet avslutas som besvarat." });
    }
    const answeredDate = isoDateToDb(decisionDate(dispatch.decision.agendaItem.meeting.startsAt));
    // (A)'s close rule: version check, status, "case.close" audit event, deadlines completed.
    await closeCaseInTx(tx, actor, { caseId, version, reason: "Besvarad" });
    await tx.case.update({ where: { id: caseId }, data: { answeredDate } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "case.answered",
      entityType: "Case",
      entityId: caseId,
      caseId,
      data: { answeredDate: formatDateOnly(answeredDate), answeredOn: formatDateOnly(stockholmToday(now)) },
    });
    return { answeredDate: formatDateOnly(answeredDate) };
  });
};
