// Beslut at the meeting: per agenda item the committee's decision, with its § allocated
// from the committee's gap-free counter for the meeting's year, yrkanden, optional votes,
// reservationer and särskilda uttalanden.
import "server-only";
import type { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { AgendaItemKind, DecisionKind, OpeningItem } from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth";
import { recordAudit } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { meetingDay, meetingYear, notBeforeMeeting } from "../dates";
import { inOfficeOn } from "@/features/admin/committees";
import { CHECKER_NOT_NAMED, decisionKindLabel } from "../labels";
import { ZAddOpinionSchema, ZRecordDecisionSchema, ZRemoveOpinionSchema, ZUpdateDecisionSchema, type TRollCall, type TVotes } from "../schemas";
import { tallyVotes } from "../votes";
import { lockMeetingForEdit, type LockedMeeting } from "./meeting-guards";
import { openingDecisionPoints } from "./opening-items";
import { formatDate } from "@/lib/dates";
import { isUuid } from "@/lib/ids";

/**
 * The next § of a committee and year. The counter row stays locked until the transaction
 * ends, so numbers are handed out one at a time, and a rolled-back decision gives its
 * number back: the sequence has no gaps. A § already taken by a historical decision
 * (entered with its original number) is skipped, never given twice.
 */
export const allocateParagraph = async (tx: Tx, committeeId: string, year: number): Promise<number> => {
  for (;;) {
    const rows = await tx.$queryRaw<{ last_value: number }[]>`
      INSERT INTO paragraph_counter (committee_id, year, last_value, created_at, updated_at)
      VALUES (${committeeId}, ${year}, 1, now(), now())
      ON CONFLICT (committee_id, year) DO UPDATE SET last_value = paragraph_counter.last_value + 1, updated_at = now()
      RETURNING last_value`;
    const value = rows[0]?.last_value;
    if (typeof value !== "number") throw new Error("Paragraph counter returned nothing");
    const taken = await tx.decision.findFirst({ where: { committeeId, year, paragraph: value }, select: { id: true } });
    if (!taken) return value;
  }
};

const proposalOf = (value: Prisma.JsonValue): string[] => (Array.isArray(value) ? value.filter((point): point is string => typeof point === "string") : []);

type ItemForDecision = { kind: AgendaItemKind; openingItem: OpeningItem | null; proposal: Prisma.JsonValue; proposerGenitive: string };

/** The standard wording when the secretary leaves the decision points empty. */
const standardPoints = (kind: DecisionKind, item: ItemForDecision): string[] => {
  const proposal = proposalOf(item.proposal);
  const itemKind = item.kind;
  switch (kind) {
    case "AS_PROPOSED":
      if (proposal.length > 0) return proposal;
      if (itemKind === "DELEGATION_DECISIONS") return ["Anmälan av delegationsbeslut godkänns."];
      if (itemKind === "INFORMATION") return ["Informationen noteras."];
      return ["Nämnden beslutar enligt förslaget."];
    case "AMENDED":
      return [];
    case "REFERRED_BACK":
      return ["Ärendet återremitteras till förvaltningen."];
    case "TABLED":
      return ["Ärendet bordläggs."];
    case "REJECTED":
      return [`Nämnden avslår ${item.proposerGenitive} förslag.`];
  }
};

/**
 * The decision points to record: the secretary's own, else an opening item's text written
 * from the meeting (refused while it cannot be: no justerare named yet), else the standard wording.
 */
const decisionPointsFor = async (tx: Tx, meeting: LockedMeeting, kind: DecisionKind, item: ItemForDecision, given: string[]): Promise<string[]> => {
  if (given.length > 0) return given;
  if (kind !== "AS_PROPOSED" || !item.openingItem) return standardPoints(kind, item);
  const points = await openingDecisionPoints(tx, item.openingItem, meeting);
  if (!points) throw new AppError("VALIDATION", "No justerare named for the minutes", { userMessage: CHECKER_NOT_NAMED, fieldErrors: { decisionPoints: ["Justeraren är inte utsedd."] } });
  return points;
};

const assertMeetingInSession = (meeting: LockedMeeting, now: Date): void => {
  if (meeting.status === "PLANNED") {
    throw new AppError("INVALID_STATE", "Meeting not called", { userMessage: "Kallelsen till sammanträdet är inte skickad. Beslut kan registreras först när sammanträdet är kallat." });
  }
  const early = notBeforeMeeting("decision", meeting.startsAt, now);
  if (early) throw new AppError("INVALID_STATE", "Meeting has not started", { userMessage: early });
};

/** A roll call names members of the committee in office on the meeting's day only. */
const assertVotersAreMembers = async (tx: Tx, { committeeId, startsAt }: LockedMeeting, votes: TVotes | undefined): Promise<void> => {
  if (!votes || votes.mode !== "ROLL_CALL") return;
  const ids = [...new Set(votes.entries.map((entry) => entry.memberId))];
  if (ids.length !== votes.entries.length) throw new AppError("VALIDATION", "Duplicate voter", { userMessage: "En ledamot står flera gånger i omröstningen." });
  const count = await tx.committeeMember.count({ where: { id: { in: ids }, committeeId, ...inOfficeOn(meetingDay(startsAt)) } });
  if (count !== ids.length) {
    throw new AppError("VALIDATION", "Voter of another committee or out of office", {
      userMessage: `Omröstningen innehåller någon som inte är ledamot i nämnden den ${formatDate(startsAt)}.`,
    });
  }
};

export type RecordDecisionOptions = { actor: Actor; input: z.output<typeof ZRecordDecisionSchema>; now?: Date };

export const recordDecision = async ({ actor, input: data, now = new Date() }: RecordDecisionOptions) => {
  return db.$transaction(async (tx) => {
    const meeting = await lockMeetingForEdit(tx, actor, data.meetingId);
    assertMeetingInSession(meeting, now);
    const item = await tx.agendaItem.findUnique({
      where: { id: data.agendaItemId },
      select: {
        id: true,
        meetingId: true,
        kind: true,
        openingItem: true,
        caseId: true,
        title: true,
        proposal: true,
        proposerGenitive: true,
        decision: { select: { id: true } },
        meeting: { select: { committeeId: true } },
      },
    });
    if (!item || item.meetingId !== data.meetingId) {
      throw new AppError("VALIDATION", "Agenda item of another meeting", {
        userMessage:
          item && item.meeting.committeeId !== meeting.committeeId
            ? "Ärendepunkten hör till en annan nämnds sammanträde. Beslut kan bara registreras på det här sammanträdets egna ärendepunkter."
            : "Ärendepunkten finns inte på det här sammanträdets föredragningslista.",
      });
    }
    if (item.decision) throw new AppError("CONFLICT", "Decision exists", { userMessage: "Beslut är redan registrerat för ärendepunkten. Ändra det befintliga beslutet i stället." });
    await assertVotersAreMembers(tx, meeting, data.votes);
    const decisionPoints = await decisionPointsFor(tx, meeting, data.kind, item, data.decisionPoints);
    const year = meetingYear(meeting.startsAt);
    const paragraph = await allocateParagraph(tx, meeting.committeeId, year);
    const decision = await tx.decision.create({
      data: {
        agendaItemId: item.id,
        committeeId: meeting.committeeId,
        year,
        paragraph,
        kind: data.kind,
        decisionPoints,
        motions: data.motions,
        votes: data.votes ?? undefined,
        immediateApproval: data.immediateApproval,
        createdById: actor.id,
      },
    });
    // The first decision marks the meeting as held; later ones find it so already.
    await tx.meeting.updateMany({ where: { id: meeting.id, status: "CALLED" }, data: { status: "HELD", version: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "decision.record",
      entityType: "Decision",
      entityId: decision.id,
      caseId: item.caseId,
      data: {
        committee: meeting.committee.shortName,
        meetingDate: formatDate(meeting.startsAt),
        paragraph: `§ ${paragraph}/${year}`,
        kind: data.kind,
        label: decisionKindLabel(data.kind, item.proposerGenitive),
        immediateApproval: data.immediateApproval,
      },
    });
    return { id: decision.id, paragraph, year };
  });
};

/** Loads a decision with its meeting locked for the secretary's edit. */
const lockDecisionForEdit = async (tx: Tx, actor: Actor, decisionId: string) => {
  const notFound = new AppError("NOT_FOUND", "Decision not found", { userMessage: "Beslutet finns inte, eller så saknar du behörighet att se det." });
  if (!isUuid(decisionId)) throw notFound;
  const found = await tx.decision.findUnique({ where: { id: decisionId }, select: { agendaItem: { select: { meetingId: true } } } });
  if (!found) throw notFound;
  const meeting = await lockMeetingForEdit(tx, actor, found.agendaItem.meetingId);
  const decision = await tx.decision.findUniqueOrThrow({
    where: { id: decisionId },
    include: { agendaItem: { select: { id: true, kind: true, openingItem: true, caseId: true, proposal: true, proposerGenitive: true } } },
  });
  return { meeting, decision };
};

export type UpdateDecisionOptions = { actor: Actor; input: z.output<typeof ZUpdateDecisionSchema> };

export const updateDecision = async ({ actor, input: data }: UpdateDecisionOptions) => {
  return db.$transaction(async (tx) => {
    const { meeting, decision } = await lockDecisionForEdit(tx, actor, data.decisionId);
    if (decision.immediateApproval) {
      throw new AppError("INVALID_STATE", "Immediately approved paragraph", { userMessage: `§ ${decision.paragraph} är omedelbart justerad och kan inte ändras.` });
    }
    await assertVotersAreMembers(tx, meeting, data.votes);
    const decisionPoints = await decisionPointsFor(tx, meeting, data.kind, decision.agendaItem, data.decisionPoints);
    await tx.decision.update({
      where: { id: decision.id },
      data: { kind: data.kind, decisionPoints, motions: data.motions, votes: data.votes ?? Prisma.DbNull, immediateApproval: data.immediateApproval },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "decision.update",
      entityType: "Decision",
      entityId: decision.id,
      caseId: decision.agendaItem.caseId,
      data: { paragraph: `§ ${decision.paragraph}/${decision.year}`, from: decision.kind, to: data.kind, immediateApproval: data.immediateApproval },
    });
    return { id: decision.id };
  });
};

export type RecordRollCallOptions = { actor: Actor; input: TRollCall };

/**
 * Votering med namnupprop on a §: the propositionsordning and one vote per tjänstgörande
 * member as the närvaro stands (present ledamöter and serving ersättare; no one else, no
 * one left out). Replaces any earlier omröstning of the §; the result is computed from it.
 */
export const recordRollCall = async ({ actor, input }: RecordRollCallOptions) =>
  db.$transaction(async (tx) => {
    const { meeting, decision } = await lockDecisionForEdit(tx, actor, input.decisionId);
    if (decision.immediateApproval) {
      throw new AppError("INVALID_STATE", "Immediately approved paragraph", { userMessage: `§ ${decision.paragraph} är omedelbart justerad och kan inte ändras.` });
    }
    const serving = await tx.meetingAttendance.findMany({
      where: { meetingId: meeting.id, present: true, OR: [{ serving: true }, { member: { role: { not: "DEPUTY" } } }] },
      select: { memberId: true },
    });
    const expected = new Set(serving.map((row) => row.memberId));
    const given = new Set(input.entries.map((entry) => entry.memberId));
    if (given.size !== input.entries.length) throw new AppError("VALIDATION", "Duplicate voter", { userMessage: "En ledamot står flera gånger i omröstningen." });
    if (expected.size === 0 || given.size !== expected.size || [...given].some((id) => !expected.has(id))) {
      throw new AppError("VALIDATION", "Roll call does not match the serving members", {
        userMessage: "Voteringen ska ha en röst för varje tjänstgörande ledamot och ersättare enligt närvaron, och inga andra. Uppdatera närvaron eller läs in sidan på nytt.",
      });
    }
    const votes: TVotes = { mode: "ROLL_CALL", question: input.question, yesFor: input.yesFor, noFor: input.noFor, entries: input.entries };
    await tx.decision.update({ where: { id: decision.id }, data: { votes } });
    const tally = tallyVotes(input.entries.map((entry) => entry.vote));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "decision.roll_call",
      entityType: "Decision",
      entityId: decision.id,
      caseId: decision.agendaItem.caseId,
      data: { paragraph: `§ ${decision.paragraph}/${decision.year}`, yesFor: input.yesFor, noFor: input.noFor, ...tally },
    });
    return { id: decision.id, ...tally };
  });

export type AddOpinionOptions = { actor: Actor; input: z.output<typeof ZAddOpinionSchema> };

export const addStatementOfOpinion = async ({ actor, input: data }: AddOpinionOptions) => {
  return db.$transaction(async (tx) => {
    const { decision } = await lockDecisionForEdit(tx, actor, data.decisionId);
    const opinion = await tx.statementOfOpinion.create({
      data: { decisionId: decision.id, kind: data.kind, party: data.party ?? null, members: data.members, text: data.text },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: data.kind === "RESERVATION" ? "decision.reservation" : "decision.special_statement",
      entityType: "StatementOfOpinion",
      entityId: opinion.id,
      caseId: decision.agendaItem.caseId,
      data: { paragraph: `§ ${decision.paragraph}/${decision.year}`, party: data.party ?? null, members: data.members },
    });
    return { id: opinion.id };
  });
};

export type RemoveOpinionOptions = { actor: Actor; input: z.output<typeof ZRemoveOpinionSchema> };

export const removeStatementOfOpinion = async ({ actor, input }: RemoveOpinionOptions) => {
  const { opinionId } = input;
  return db.$transaction(async (tx) => {
    const opinion = await tx.statementOfOpinion.findUnique({ where: { id: opinionId }, select: { id: true, decisionId: true, kind: true } });
    if (!opinion) throw new AppError("NOT_FOUND", "Opinion not found", { userMessage: "Uttalandet finns inte." });
    const { decision } = await lockDecisionForEdit(tx, actor, opinion.decisionId);
    await tx.statementOfOpinion.delete({ where: { id: opinion.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "decision.opinion_remove",
      entityType: "StatementOfOpinion",
      entityId: opinion.id,
      caseId: decision.agendaItem.caseId,
      data: { paragraph: `§ ${decision.paragraph}/${decision.year}`, kind: opinion.kind },
    });
    return { removed: true };
  });
};
