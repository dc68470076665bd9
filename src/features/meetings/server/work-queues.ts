// What waits for a committee's people, for the start page (the header counts "Att justera" with loadHeader): the minutes an
// ordförande or justerare is to justera ("Att justera"), and the nämndsekreterare's next
// meetings, attested cases ready for an agenda and minutes out for justering.
import "server-only";
import type { Actor } from "@/server/auth";
import { db } from "@/server/db";
import { COMMITTEE_SCOPE_SELECT, readableCasesInCommitteesWhere, readableCommitteesWhere, toCommitteeScope } from "@/server/authz";
import { agendaCandidates, countReadyForAgenda } from "./meeting-page-queries";
import { committeesEditableBy } from "./meeting-read-model";

export type JusteringInboxItem = {
  stepId: string;
  meetingId: string;
  committeeName: string;
  meetingStartsAt: Date;
  sentByName: string;
  sentAt: Date;
};

/** The actor's waiting justering steps (minutes are justerade in parallel: every step is in turn), oldest first. */
export const listJusteringInbox = async (actor: Actor): Promise<JusteringInboxItem[]> => {
  const steps = await db.attestationStep.findMany({
    where: { assigneeId: actor.id, status: "WAITING", request: { status: "PENDING", subjectType: "MINUTES" } },
    select: { id: true, request: { select: { subjectId: true, createdAt: true, requestedBy: { select: { name: true } } } } },
    orderBy: [{ request: { createdAt: "asc" } }, { id: "asc" }],
  });
  const minutes = await db.minutes.findMany({
    where: { id: { in: steps.map((step) => step.request.subjectId) }, meeting: { committee: readableCommitteesWhere(actor) } },
    select: { id: true, meeting: { select: { id: true, startsAt: true, committee: { select: { name: true } } } } },
  });
  const byId = new Map(minutes.map((row) => [row.id, row.meeting]));
  return steps.flatMap((step) => {
    const meeting = byId.get(step.request.subjectId);
    return meeting
      ? [{ stepId: step.id, meetingId: meeting.id, committeeName: meeting.committee.name, meetingStartsAt: meeting.startsAt, sentByName: step.request.requestedBy.name, sentAt: step.request.createdAt }]
      : [];
  });
};

export const NEXT_MEETINGS_LIMIT = 5;
/** Cases ready for an agenda shown on the start page (the longest waiting); a meeting's page offers its committee's. */
export const READY_FOR_AGENDA_SHOWN = 10;

const byStart = (a: { startsAt: Date; id: string }, b: { startsAt: Date; id: string }) => a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The nämndsekreterare's work in the committees whose meetings they plan: the committees with
 * their coming meetings and minutes out for justering in one query, authorized from those rows,
 * then the cases ready for an agenda in them.
 */
export const getSecretaryOverview = async ({ actor, now = new Date() }: { actor: Actor; now?: Date }) => {
  const committees = await db.committee.findMany({
    where: readableCommitteesWhere(actor),
    select: {
      ...COMMITTEE_SCOPE_SELECT,
      shortName: true,
      meetings: {
        where: { OR: [{ startsAt: { gte: now } }, { minutes: { status: "IN_APPROVAL" } }] },
        select: {
          id: true,
          startsAt: true,
          place: true,
          status: true,
          _count: { select: { agendaItems: true } },
          minutes: { select: { id: true, status: true, chair: { select: { name: true } }, checker: { select: { name: true } } } },
        },
      },
    },
  });
  const editable = committeesEditableBy(actor, committees);
  const editableCommittees = committees.filter((committee) => editable.has(committee.id));
  const meetings = editableCommittees
    .flatMap((committee) => committee.meetings.map((meeting) => ({ ...meeting, committee: { shortName: committee.shortName } })))
    .sort(byStart);
  // As the diarium: a confidential case the actor may not read is not listed.
  const readyWhere = readableCasesInCommitteesWhere(actor, editableCommittees.map(toCommitteeScope));
  const [ready, readyCount] = await Promise.all([agendaCandidates(readyWhere, { limit: READY_FOR_AGENDA_SHOWN }), countReadyForAgenda(readyWhere)]);
  return {
    nextMeetings: meetings
      .filter((meeting) => meeting.startsAt >= now)
      .slice(0, NEXT_MEETINGS_LIMIT)
      .map(({ minutes: _minutes, ...meeting }) => meeting),
    /** The longest waiting, each with whether its attestation verifies, and how many wait in all (by their statements' status). */
    readyForAgenda: { rows: ready.rows, total: readyCount },
    inJustering: meetings.flatMap(({ minutes, id, startsAt, committee }) =>
      minutes?.status === "IN_APPROVAL" ? [{ id: minutes.id, meeting: { id, startsAt, committee }, chair: minutes.chair, checker: minutes.checker }] : [],
    ),
  };
};

export type SecretaryOverview = Awaited<ReturnType<typeof getSecretaryOverview>>;
