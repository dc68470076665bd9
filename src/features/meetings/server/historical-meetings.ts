// Historiska poster: past meetings recorded afterwards (a migrated registry, minutes kept on
// paper). A historical meeting skips kallelse and the justering flow: the secretary enters
// its decisions with their original § and agenda numbers and records the minutes as
// justerade on the date they were. The committee's § counter can start at any number.
import "server-only";
import type { z } from "zod";
import type { Actor } from "@/server/auth";
import { recordAudit } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { authorize, loadCommitteeScope } from "@/server/authz";
import { formatDate, isoDateToDb, todayInStockholm } from "@/lib/dates";
import { meetingYear, stockholmDateTimeToInstant } from "../dates";
import { DECISION_KIND_LABELS } from "../labels";
import type { ZApproveHistoricalMinutesSchema, ZCreateHistoricalMeetingSchema, ZHistoricalDecisionSchema, ZSetNextParagraphSchema } from "../schemas";
import { lockMeetingForEdit, MEETING_EDIT_REFUSED, type LockedMeeting } from "./meeting-guards";

const fieldError = (field: string, message: string, code: "VALIDATION" | "CONFLICT" = "VALIDATION") =>
  new AppError(code, `${field}: ${message}`, { userMessage: message, fieldErrors: { [field]: [message] } });

const assertHistorical = (meeting: LockedMeeting): void => {
  if (!meeting.historical) {
    throw new AppError("INVALID_STATE", "Not a historical meeting", { userMessage: "Sammanträdet är inte en historisk post. Beslut registreras på ärendepunkterna." });
  }
};

export type CreateHistoricalMeetingOptions = { actor: Actor; input: z.output<typeof ZCreateHistoricalMeetingSchema>; now?: Date };

/** A meeting that has already been held, recorded as a historical post (status Genomfört). */
export const createHistoricalMeeting = async ({ actor, input: data, now = new Date() }: CreateHistoricalMeetingOptions) => {
  const startsAt = stockholmDateTimeToInstant(data.date, data.time);
  return db.$transaction(async (tx) => {
    authorize(actor, "meeting.edit", await loadCommitteeScope(tx, data.committeeId), MEETING_EDIT_REFUSED);
    if (startsAt.getTime() > now.getTime()) throw fieldError("date", "Ett historiskt sammanträde har redan ägt rum. Välj ett datum bakåt i tiden.");
    const meeting = await tx.meeting.create({
      data: { committeeId: data.committeeId, startsAt, place: data.place, status: "HELD", historical: true, createdById: actor.id },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "meeting.create_historical",
      entityType: "Meeting",
      entityId: meeting.id,
      data: { committeeId: data.committeeId, meetingDate: formatDate(startsAt), place: data.place },
    });
    return { id: meeting.id };
  });
};

/** The case a historical decision is about: by its diarienummer within the committee (numbers repeat across series). */
const findCommitteeCase = async (tx: Tx, committeeId: string, caseNumber: string) => {
  const found = await tx.case.findFirst({ where: { committeeId, caseNumber }, select: { id: true } });
  if (!found) throw fieldError("caseNumber", `Nämnden har inget ärende med diarienummer ${caseNumber}. Registrera ärendet först (med befintligt diarienummer) eller lämna fältet tomt.`);
  return found;
};

export type RecordHistoricalDecisionOptions = { actor: Actor; input: z.output<typeof ZHistoricalDecisionSchema> };

export const recordHistoricalDecision = async ({ actor, input: data }: RecordHistoricalDecisionOptions) => {
  return db.$transaction(async (tx) => {
    const meeting = await lockMeetingForEdit(tx, actor, data.meetingId);
    assertHistorical(meeting);
    const year = meetingYear(meeting.startsAt);
    const [positionTaken, paragraphTaken] = await Promise.all([
      tx.agendaItem.findFirst({ where: { meetingId: meeting.id, position: data.agendaNumber }, select: { id: true } }),
      tx.decision.findFirst({ where: { committeeId: meeting.committeeId, year, paragraph: data.paragraph }, select: { id: true } }),
    ]);
    if (positionTaken) throw fieldError("agendaNumber", `Punkt ${data.agendaNumber} finns redan på sammanträdets föredragningslista.`, "CONFLICT");
    if (paragraphTaken) throw fieldError("paragraph", `§ ${data.paragraph}/${year} finns redan för nämnden.`, "CONFLICT");
    const theCase = data.caseNumber ? await findCommitteeCase(tx, meeting.committeeId, data.caseNumber) : null;
    const item = await tx.agendaItem.create({
      data: { meetingId: meeting.id, position: data.agendaNumber, kind: theCase ? "CASE" : "OTHER", caseId: theCase?.id ?? null, title: data.title },
    });
    const decision = await tx.decision.create({
      data: {
        agendaItemId: item.id,
        committeeId: meeting.committeeId,
        year,
        paragraph: data.paragraph,
        kind: data.kind,
        decisionPoints: data.decisionPoints,
        createdById: actor.id,
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "decision.record",
      entityType: "Decision",
      entityId: decision.id,
      caseId: theCase?.id ?? null,
      data: {
        committee: meeting.committee.shortName,
        meetingDate: formatDate(meeting.startsAt),
        paragraph: `§ ${data.paragraph}/${year}`,
        agendaNumber: data.agendaNumber,
        kind: data.kind,
        label: DECISION_KIND_LABELS[data.kind],
        historical: true,
      },
    });
    return { id: decision.id, paragraph: data.paragraph, year };
  });
};

export type ApproveHistoricalMinutesOptions = { actor: Actor; input: z.output<typeof ZApproveHistoricalMinutesSchema>; now?: Date };

/** Records the historical minutes as justerade on the given date; the meeting is locked from then on. */
export const approveHistoricalMinutes = async ({ actor, input, now = new Date() }: ApproveHistoricalMinutesOptions) => {
  return db.$transaction(async (tx) => {
    const meeting = await lockMeetingForEdit(tx, actor, input.meetingId);
    assertHistorical(meeting);
    if (input.approvedOn < formatDate(meeting.startsAt)) throw fieldError("approvedOn", "Protokollet kan inte ha justerats före sammanträdet.");
    if (input.approvedOn > todayInStockholm(now)) throw fieldError("approvedOn", "Justeringsdatumet kan inte ligga i framtiden.");
    const decisions = await tx.decision.count({ where: { agendaItem: { meetingId: meeting.id } } });
    if (decisions === 0) throw new AppError("INVALID_STATE", "No decisions", { userMessage: "Registrera minst ett beslut (§) innan protokollet registreras som justerat." });
    const { count } = await tx.meeting.updateMany({
      where: { id: meeting.id, version: input.version, status: "HELD" },
      data: { status: "APPROVED", historicalApprovedOn: isoDateToDb(input.approvedOn), version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT", "Meeting changed since it was read");
    await recordAudit(tx, { actorId: actor.id, action: "meeting.historical_approved", entityType: "Meeting", entityId: meeting.id, data: { approvedOn: input.approvedOn } });
    return { approvedOn: input.approvedOn };
  });
};

export type SetNextParagraphOptions = { actor: Actor; input: z.output<typeof ZSetNextParagraphSchema> };

/**
 * Where the committee's § numbering continues in a year: a committee that starts using the
 * system mid-year, or after migrated minutes. Never at or below a § already given that year.
 */
export const setNextParagraph = async ({ actor, input: data }: SetNextParagraphOptions) => {
  return db.$transaction(async (tx) => {
    authorize(actor, "meeting.edit", await loadCommitteeScope(tx, data.committeeId), MEETING_EDIT_REFUSED);
    const { committeeId, year, nextParagraph } = data;
    // Lock the counter row first, so no § is given while the start is being moved.
    await tx.$queryRaw`
      INSERT INTO paragraph_counter (committee_id, year, last_value, created_at, updated_at)
      VALUES (${committeeId}, ${year}, 0, now(), now())
      ON CONFLICT (committee_id, year) DO UPDATE SET updated_at = paragraph_counter.updated_at
      RETURNING last_value`;
    const { _max } = await tx.decision.aggregate({ where: { committeeId, year }, _max: { paragraph: true } });
    const highest = _max.paragraph ?? 0;
    if (nextParagraph <= highest) throw fieldError("nextParagraph", `§ ${highest} är redan given ${year}. Nästa paragraf måste vara minst ${highest + 1}.`);
    await tx.paragraphCounter.update({ where: { committeeId_year: { committeeId, year } }, data: { lastValue: nextParagraph - 1 } });
    const committee = await tx.committee.findUniqueOrThrow({ where: { id: committeeId }, select: { shortName: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "paragraph_counter.set",
      entityType: "Committee",
      entityId: committeeId,
      data: { committee: committee.shortName, year, nextParagraph },
    });
    return { nextParagraph };
  });
};
