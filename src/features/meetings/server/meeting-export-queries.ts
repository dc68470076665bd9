// Read models of the meeting documents for the exports (features/exports maps them to its
// document model): föredragningslista, protokoll and protokollsutdrag. Each authorizes from
// the meeting's committee (or trusts the export job, which authorized when the export was
// requested) and masks the items of confidential cases the actor may not read, as the
// pages do (meeting-page-queries.ts). The public (no login) gets the föredragningslista once
// published and the protokoll once justerat, every confidential item masked; anything else
// is as unknown to it as a meeting that does not exist.
import "server-only";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { meetingDay, meetingTime } from "../dates";
import { inOfficeOn } from "@/features/admin/committees";
import { ZMotionsSchema, ZVotesSchema } from "../schemas";
import { maskedCases, maskOf, type MeetingViewer } from "./confidential-items";
import { CONFIDENTIAL_CASE_TITLE, secrecyNotice } from "@/features/cases/secrecy";
import { authorize, loadCommitteeScope, type CommitteeScope } from "@/server/authz";
import { COMMITTEE_HEADING_SELECT, maskContent, meetingNotFound, OPINION_ORDER, stringsOf } from "./meeting-read-model";
import { firstActiveSecretary, hashMinutesContent, readMinutesContent } from "./minutes-content";
import { voteOutcome } from "../votes";
import { asHashScheme, CURRENT_HASH_SCHEME } from "@/lib/canonical-json";
import { formatDate, formatDateOnly } from "@/lib/dates";
import { isUuid } from "@/lib/ids";

type ExportActor = Exclude<MeetingViewer, "public">;

/**
 * `public`: whether the document is out for anyone (a published föredragningslista, a
 * justerat protokoll); the "public" viewer gets nothing else.
 */
const authorizeExport = async (actor: MeetingViewer, committeeId: string, { public: isPublic }: { public: boolean }): Promise<CommitteeScope> => {
  const scope = await loadCommitteeScope(db, committeeId);
  // "system": the export job, which authorized when the export was requested.
  if (actor !== "system" && actor !== "public") return authorize(actor, "meeting.read", scope);
  if (!scope || (actor === "public" && !isPublic)) throw meetingNotFound();
  return scope;
};

export type AgendaExport = Awaited<ReturnType<typeof getAgendaForExport>>;

/** Föredragningslista with kallelse data. */
export const getAgendaForExport = async ({ actor, meetingId }: { actor: MeetingViewer; meetingId: string }) => {
  const meeting = isUuid(meetingId)
    ? await db.meeting.findUnique({
        where: { id: meetingId },
        include: {
          committee: { select: COMMITTEE_HEADING_SELECT },
          agendaItems: {
            orderBy: { position: "asc" },
            include: { case: { select: { caseNumber: true, caseOfficer: { select: { name: true, phone: true } }, department: { select: { name: true } } } } },
          },
        },
      })
    : null;
  if (!meeting) throw meetingNotFound();
  const scope = await authorizeExport(actor, meeting.committeeId, { public: meeting.agendaPublishedAt !== null });
  const masked = await maskedCases(db, actor, scope, meeting.agendaItems.map((item) => item.caseId));
  // Who signs the kallelse: the committee's ordförande in office on the meeting's day and its nämndsekreterare.
  const chair = await db.committeeMember.findFirst({
    where: { committeeId: meeting.committeeId, role: "CHAIR", ...inOfficeOn(meetingDay(meeting.startsAt)) },
    orderBy: [{ termStart: "desc" }, { id: "asc" }],
    select: { name: true },
  });
  return {
    committee: meeting.committee,
    meeting: { id: meeting.id, date: formatDate(meeting.startsAt), time: meetingTime(meeting.startsAt), place: meeting.place, status: meeting.status },
    publishedAt: meeting.agendaPublishedAt,
    chair: chair?.name ?? null,
    secretary: (await firstActiveSecretary(db, meeting.committeeId))?.name ?? null,
    items: meeting.agendaItems.map((item) => {
      const secrecyReference = maskOf(masked, item.caseId);
      // A confidential case the actor may not read: its dnr, nothing that identifies or quotes it.
      const shown = secrecyReference ? null : item.case;
      return {
        number: item.position,
        kind: item.kind,
        title: secrecyReference ? CONFIDENTIAL_CASE_TITLE : item.title,
        caseNumber: item.case?.caseNumber ?? null,
        caseOfficer: shown?.caseOfficer.name ?? null,
        caseOfficerPhone: shown?.caseOfficer.phone ?? null,
        department: shown?.department.name ?? null,
        proposal: secrecyReference ? [secrecyNotice(secrecyReference)] : stringsOf(item.proposal),
        proposerGenitive: item.proposerGenitive,
      };
    }),
  };
};

const approvalsOf = async (minutesId: string) => {
  const request = await db.attestationRequest.findFirst({
    where: { subjectType: "MINUTES", subjectId: minutesId, status: "COMPLETED" },
    orderBy: { createdAt: "desc" },
    include: { steps: { orderBy: { position: "asc" } } },
  });
  return request
    ? {
        verificationCode: request.verificationCode,
        contentHash: request.contentHash,
        hashScheme: asHashScheme(request.hashScheme),
        approvals: request.steps.map((step) => ({ role: step.role, name: step.attesterName ?? "", title: step.attesterTitle, date: step.attestedAt ? formatDate(step.attestedAt) : "" })),
      }
    : null;
};

export type MinutesExport = Awaited<ReturnType<typeof getMinutesForExport>>;

/**
 * The protokoll: the canonical content (secretary included) plus its justering and anslag.
 * `contentHash` is always the full content's; `paragraphs` are masked for the actor.
 */
export const getMinutesForExport = async ({ actor, minutesId }: { actor: MeetingViewer; minutesId: string }) => {
  const minutes = isUuid(minutesId) ? await db.minutes.findUnique({ where: { id: minutesId }, include: { meeting: { select: { committeeId: true } } } }) : null;
  if (!minutes) throw meetingNotFound();
  const scope = await authorizeExport(actor, minutes.meeting.committeeId, { public: minutes.status === "APPROVED" });
  const content = await readMinutesContent(db, minutes.meetingId);
  if (!content) throw meetingNotFound();
  const { content: visible, maskedDecisionIds } = await maskContent(content, actor, scope);
  const justering = minutes.status === "APPROVED" ? await approvalsOf(minutes.id) : null;
  return {
    ...visible,
    /** Whether any § is masked for the actor (then the unmasked original is not theirs to fetch). */
    masked: maskedDecisionIds.length > 0,
    status: minutes.status,
    // In the justering's hash scheme, which it is checked against.
    contentHash: hashMinutesContent(content, justering?.hashScheme ?? CURRENT_HASH_SCHEME),
    approvedAt: minutes.approvedAt,
    postedDate: formatDateOnly(minutes.postedDate) || null,
    appealEndsOn: formatDateOnly(minutes.appealEndsOn) || null,
    justering,
  };
};

export type ExtractExport = Awaited<ReturnType<typeof getExtractForExport>>;

/**
 * Protokollsutdrag: one § with the meeting's header and the justering. An extract is the
 * whole § or nothing: a § of a confidential case the actor may not read is NOT_FOUND.
 */
export const getExtractForExport = async ({ actor, decisionId }: { actor: ExportActor; decisionId: string }) => {
  const decision = isUuid(decisionId)
    ? await db.decision.findUnique({
        where: { id: decisionId },
        select: { committeeId: true, agendaItem: { select: { meetingId: true, caseId: true, meeting: { select: { minutes: { select: { id: true } } } } } } },
      })
    : null;
  if (!decision) throw meetingNotFound();
  const scope = await authorizeExport(actor, decision.committeeId, { public: false });
  if ((await maskedCases(db, actor, scope, [decision.agendaItem.caseId])).size > 0) throw meetingNotFound();
  const minutesId = decision.agendaItem.meeting.minutes?.id;
  // The full minutes (the § is printed whole, and the justering is checked against the full hash).
  const minutes = minutesId ? await getMinutesForExport({ actor: "system", minutesId }) : null;
  const inMinutes = minutes?.paragraphs.find((candidate) => candidate.decisionId === decisionId);
  // Minutes sent for justering print only what they hold: a § missing from them is never
  // printed under their justering (nor as a draft of them).
  if (minutes && minutes.status !== "DRAFT" && !inMinutes) {
    throw new AppError("INVALID_STATE", `Decision ${decisionId} is not in the content of minutes ${minutesId} (${minutes.status})`, {
      userMessage: "Paragrafen finns inte i protokollet som skickats för justering och kan inte skrivas ut som protokollsutdrag. Kontakta nämndsekreteraren.",
    });
  }
  // Without minutes yet (an immediately approved §), the paragraph is built from the rows alone.
  const paragraph = inMinutes ?? (await standaloneParagraph(decisionId));
  // The letterhead as the minutes hold it: once sent for justering, as justerat (a committee
  // renamed since does not change it); without minutes, from the rows.
  const { committee, meeting } = minutes ?? (await liveLetterhead(decision.agendaItem.meetingId));
  return {
    committee: { id: committee.id, name: committee.name, shortName: committee.shortName },
    meeting: { id: meeting.id, date: meeting.date, time: meeting.time, place: meeting.place },
    paragraph,
    minutesStatus: minutes?.status ?? null,
    /** The minutes the § belongs to and the hash of their content (the stored snapshot once sent; exports check it against the justering). */
    minutesId: minutesId ?? null,
    minutesContentHash: minutes?.contentHash ?? null,
    justering: minutes?.justering ?? null,
    postedDate: minutes?.postedDate ?? null,
    appealEndsOn: minutes?.appealEndsOn ?? null,
    /**
     * "Rätt utdraget intygar": the secretary of the minutes' content, or (an immediately
     * justerad § before any minutes) the committee's secretary; dated on the day the § became
     * final: the justering, or the meeting for an omedelbart justerad §. Null while a draft.
     */
    secretary: minutes?.secretary?.name ?? (await firstActiveSecretary(db, committee.id))?.name ?? null,
    certifiedOn: minutes?.status === "APPROVED" ? minutes.postedDate : paragraph.immediateApproval ? meeting.date : null,
  };
};

const liveLetterhead = async (meetingId: string) => {
  const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { startsAt: true, place: true, committee: { select: COMMITTEE_HEADING_SELECT } } });
  return { committee: meeting.committee, meeting: { id: meetingId, date: formatDate(meeting.startsAt), time: meetingTime(meeting.startsAt), place: meeting.place } };
};

const standaloneParagraph = async (decisionId: string) => {
  const decision = await db.decision.findUniqueOrThrow({
    where: { id: decisionId },
    include: { opinions: { orderBy: OPINION_ORDER }, agendaItem: { include: { case: { select: { caseNumber: true } } } } },
  });
  const votes = decision.votes ? ZVotesSchema.safeParse(decision.votes).data : undefined;
  return {
    decisionId: decision.id,
    paragraph: decision.paragraph,
    year: decision.year,
    agendaPosition: decision.agendaItem.position,
    itemKind: decision.agendaItem.kind,
    caseId: decision.agendaItem.caseId,
    caseNumber: decision.agendaItem.case?.caseNumber ?? null,
    title: decision.agendaItem.title,
    proposerGenitive: decision.agendaItem.proposerGenitive,
    kind: decision.kind,
    decisionPoints: stringsOf(decision.decisionPoints),
    motions: ZMotionsSchema.safeParse(decision.motions).data ?? [],
    votes:
      votes?.mode === "TOTALS"
        ? { question: votes.question ?? null, yesFor: votes.yesFor ?? null, noFor: votes.noFor ?? null, yes: votes.yes, no: votes.no, abstain: votes.abstain, ...voteOutcome(votes, null), rollCall: [] }
        : null,
    immediateApproval: decision.immediateApproval,
    opinions: decision.opinions.map((opinion) => ({ kind: opinion.kind, party: opinion.party, members: opinion.members, text: opinion.text })),
  };
};
