// Read models of the meeting pages: the meeting plan, one meeting, its minutes and one §'s
// extract. Each query authorizes from the meeting's committee, and masks the items of
// confidential cases the actor may not read (confidential-items.ts), as the exports do
// (meeting-export-queries.ts), so that a page and its export always show the same.
import "server-only";
import type { Actor } from "@/server/auth";
import { db } from "@/server/db";
import { dispatchDateRange, justeringDetails, meetingDay, meetingTime, meetingYear, notBeforeMeeting } from "../dates";
import { inOfficeOn } from "@/features/admin/committees";
import { ZMotionsSchema, ZOtherAttendeesSchema, ZVotesSchema } from "../schemas";
import { maskedCases, maskOf } from "./confidential-items";
import { CONFIDENTIAL_CASE_TITLE, secrecyNotice } from "@/features/cases/secrecy";
import { authorize, can, COMMITTEE_SCOPE_SELECT, loadCommitteeScope, readableCommitteesWhere } from "@/server/authz";
import { getAttestationStates, hasPassword, needsReauthentication } from "@/features/attestation/server";
import { getExtractForExport } from "./meeting-export-queries";
import { COMMITTEE_HEADING_SELECT, committeesEditableBy, maskContent, meetingNotFound, OPINION_ORDER, stringsOf } from "./meeting-read-model";
import { hashMinutesContent, readMinutesContent } from "./minutes-content";
import { getUnionConsultationsByCase } from "./union-consultation";
import { justeringCandidatesWhere } from "./justering-candidates";
import { openingDecisionPoints } from "./opening-items";
import { CURRENT_HASH_SCHEME } from "@/lib/canonical-json";
import { formatDate, formatDateOnly } from "@/lib/dates";
import { isUuid } from "@/lib/ids";
import { formatDocumentNumber } from "@/lib/case-number";
import type { Prisma } from "@/generated/prisma/client";

// ─── Meeting plan ────────────────────────────────────────────────────────────

export const getMeetingPlan = async ({ actor, committeeId, year }: { actor: Actor; committeeId?: string; year?: number }) => {
  const readable = await db.committee.findMany({ where: readableCommitteesWhere(actor), select: { ...COMMITTEE_HEADING_SELECT, ...COMMITTEE_SCOPE_SELECT }, orderBy: { name: "asc" } });
  const editable = committeesEditableBy(actor, readable);
  const committees = readable.map(({ id, name, shortName }) => ({ id, name, shortName }));
  // Default: the first committee the actor edits, else the first one they read.
  const selected = committees.find((committee) => committee.id === committeeId) ?? committees.find((committee) => editable.has(committee.id)) ?? committees[0] ?? null;
  const selectedYear = year ?? meetingYear(new Date());
  if (!selected) return { committees, selected: null, year: selectedYear, canEdit: false, nextParagraph: 1, meetings: [] };
  // A year in Stockholm, with a day of margin on each side; filtered exactly below.
  const meetings = await db.meeting.findMany({
    where: { committeeId: selected.id, startsAt: { gte: new Date(Date.UTC(selectedYear - 1, 11, 31)), lt: new Date(Date.UTC(selectedYear + 1, 0, 2)) } },
    orderBy: { startsAt: "asc" },
    select: { id: true, startsAt: true, place: true, status: true, historical: true, _count: { select: { agendaItems: true } }, minutes: { select: { status: true } } },
  });
  const counter = await db.paragraphCounter.findUnique({ where: { committeeId_year: { committeeId: selected.id, year: selectedYear } }, select: { lastValue: true } });
  return {
    committees,
    selected,
    year: selectedYear,
    canEdit: editable.has(selected.id),
    /** Where the committee's § counter continues this year (shown to the secretary). */
    nextParagraph: (counter?.lastValue ?? 0) + 1,
    meetings: meetings
      .filter((meeting) => meetingYear(meeting.startsAt) === selectedYear)
      .map((meeting) => ({
        id: meeting.id,
        date: formatDate(meeting.startsAt),
        time: meetingTime(meeting.startsAt),
        place: meeting.place,
        status: meeting.status,
        historical: meeting.historical,
        items: meeting._count.agendaItems,
        minutesStatus: meeting.minutes?.status ?? null,
      })),
  };
};

// ─── One meeting ─────────────────────────────────────────────────────────────

const MEETING_DETAIL = {
  committee: { select: COMMITTEE_HEADING_SELECT },
  minutes: { select: { id: true, status: true, version: true, postedDate: true, appealEndsOn: true } },
  attendance: true,
  agendaItems: {
    orderBy: { position: "asc" },
    include: {
      case: { select: { id: true, caseNumber: true, title: true, status: true, caseOfficer: { select: { name: true } } } },
      decision: { include: { opinions: { orderBy: OPINION_ORDER }, _count: { select: { dispatches: true } } } },
    },
  },
} satisfies Prisma.MeetingInclude;

export const getMeetingDetail = async ({ actor, meetingId, now = new Date() }: { actor: Actor; meetingId: string; now?: Date }) => {
  if (!isUuid(meetingId)) throw meetingNotFound();
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, include: MEETING_DETAIL });
  const scope = authorize(actor, "meeting.read", meeting ? await loadCommitteeScope(db, meeting.committeeId) : null);
  if (!meeting) throw meetingNotFound();
  const canEdit = can(actor, "meeting.edit", scope);
  const members = await db.committeeMember.findMany({ where: { committeeId: meeting.committeeId, ...inOfficeOn(meetingDay(meeting.startsAt)) }, orderBy: [{ role: "asc" }, { name: "asc" }] });
  const attendanceByMember = new Map(meeting.attendance.map((row) => [row.memberId, row]));
  const [masked, consultations] = await Promise.all([
    maskedCases(db, actor, scope, meeting.agendaItems.map((item) => item.caseId)),
    getUnionConsultationsByCase(meeting.agendaItems.flatMap((item) => (item.case ? [item.case.id] : []))),
  ]);
  const items = await Promise.all(
    meeting.agendaItems.map(async (item) => {
      /** Set when the item's case is confidential and the actor may not read it: shown masked. */
      const secrecyReference = maskOf(masked, item.caseId);
      const notice = secrecyReference ? [secrecyNotice(secrecyReference)] : null;
      return {
        id: item.id,
        position: item.position,
        kind: item.kind,
        title: secrecyReference ? CONFIDENTIAL_CASE_TITLE : item.title,
        secrecyReference,
        proposal: notice ?? stringsOf(item.proposal),
        proposerGenitive: item.proposerGenitive,
        openingItem: item.openingItem,
        /** An opening item's decision written from the meeting, for the secretary's form; null: none (yet). */
        suggestedDecision: canEdit && item.openingItem && !item.decision ? await openingDecisionPoints(db, item.openingItem, meeting) : null,
        case: item.case
          ? { id: item.case.id, caseNumber: item.case.caseNumber, status: item.case.status, caseOfficer: secrecyReference ? null : item.case.caseOfficer.name }
          : null,
        unionConsultations: item.case && !secrecyReference ? (consultations.get(item.case.id) ?? []) : [],
        decision: item.decision
          ? {
              id: item.decision.id,
              paragraph: item.decision.paragraph,
              year: item.decision.year,
              kind: item.decision.kind,
              decisionPoints: notice ?? stringsOf(item.decision.decisionPoints),
              motions: notice ? [] : (ZMotionsSchema.safeParse(item.decision.motions).data ?? []),
              votes: notice || !item.decision.votes ? null : (ZVotesSchema.safeParse(item.decision.votes).data ?? null),
              immediateApproval: item.decision.immediateApproval,
              opinions: notice
                ? []
                : item.decision.opinions.map((opinion) => ({ id: opinion.id, kind: opinion.kind, party: opinion.party, members: opinion.members, text: opinion.text })),
              dispatches: item.decision._count.dispatches,
            }
          : null,
      };
    }),
  );
  const onAgenda = new Set(items.flatMap((item) => (item.case ? [item.case.id] : [])));
  const candidates = canEdit && (meeting.status === "PLANNED" || meeting.status === "CALLED") ? await agendaCandidates({ committeeId: meeting.committeeId }, { exclude: onAgenda }) : { rows: [], more: false };
  return {
    id: meeting.id,
    version: meeting.version,
    committee: meeting.committee,
    date: formatDate(meeting.startsAt),
    time: meetingTime(meeting.startsAt),
    startsAt: meeting.startsAt,
    place: meeting.place,
    status: meeting.status,
    historical: meeting.historical,
    otherAttendees: ZOtherAttendeesSchema.safeParse(meeting.otherAttendees).data ?? [],
    justering: justeringDetails(meeting.justeringAt, meeting.justeringPlace),
    historicalApprovedOn: formatDateOnly(meeting.historicalApprovedOn),
    /** Why decisions cannot be recorded yet (the meeting has not started); null once they can. */
    decisionsNotYet: notBeforeMeeting("decision", meeting.startsAt, now),
    agendaPublishedAt: meeting.agendaPublishedAt,
    noticeSentAt: meeting.noticeSentAt,
    minutes: meeting.minutes
      ? { ...meeting.minutes, postedDate: formatDateOnly(meeting.minutes.postedDate), appealEndsOn: formatDateOnly(meeting.minutes.appealEndsOn) }
      : null,
    canEdit,
    items,
    candidates: candidates.rows.filter((row) => row.verified),
    /** More cases wait than `candidates` offers (the longest waiting are offered). */
    moreCandidates: candidates.more,
    members: members.map((member) => ({
      id: member.id,
      name: member.name,
      party: member.party,
      role: member.role,
      present: attendanceByMember.get(member.id)?.present ?? false,
      serving: attendanceByMember.get(member.id)?.serving ?? false,
    })),
  };
};

/**
 * The most cases a meeting's page offers for its agenda (the longest waiting first). Each is
 * verified on every view (its statement's hash recomputed, its attestations checked against
 * the audit log), which cost the page 40 ms for 200 on the bulk data; a committee's
 * sammanträde takes up fewer, and the page says when more wait.
 */
export const AGENDA_CANDIDATE_LIMIT = 50;

/** Open cases (of the committee, or as `where` selects) whose statement is attested by its status and that do not wait on an agenda. */
const readyForAgendaWhere = (where: Prisma.CaseWhereInput): Prisma.CaseWhereInput => ({
  ...where,
  status: "OPEN",
  statement: { status: "ATTESTED" },
  NOT: { agendaItems: { some: { OR: [{ decision: null }, { decision: { kind: { notIn: ["TABLED", "REFERRED_BACK"] } } }] } } },
});

/**
 * The longest waiting of those cases, at most `limit`, each with whether the attestation engine
 * verifies its statement (hashes, audit; all of them at once): only a verified one may be put on
 * an agenda. `more`: others wait beyond the limit. Verifying recomputes each statement's hash,
 * so a list verifies only what it shows.
 */
export const agendaCandidates = async (where: Prisma.CaseWhereInput, { exclude = new Set<string>(), limit = AGENDA_CANDIDATE_LIMIT }: { exclude?: ReadonlySet<string>; limit?: number } = {}) => {
  const cases = await db.case.findMany({
    where: readyForAgendaWhere(where),
    select: { id: true, caseNumber: true, title: true, caseOfficer: { select: { name: true } }, statement: { select: { id: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit + 1,
  });
  const listed = cases.slice(0, limit).flatMap((row) => (row.statement && !exclude.has(row.id) ? [{ ...row, statement: row.statement }] : []));
  const states = await getAttestationStates(listed.map((row) => ({ subjectType: "STATEMENT", subjectId: row.statement.id })));
  return {
    rows: listed.map((row, index) => ({ id: row.id, caseNumber: row.caseNumber, title: row.title, caseOfficer: row.caseOfficer.name, verified: states[index]!.attested })),
    more: cases.length > limit,
  };
};

/** How many cases wait for an agenda, by their statement's status: the start page's count beside the verified first ones. */
export const countReadyForAgenda = (where: Prisma.CaseWhereInput): Promise<number> => db.case.count({ where: readyForAgendaWhere(where) });

// ─── Minutes ─────────────────────────────────────────────────────────────────

/** What a reader with masked §§ sees instead of a justerare's comment. */
export const COMMENT_WITHHELD = "(kommentaren visas bara för den som får läsa alla paragrafer)";

export const getMinutesView = async ({ actor, meetingId, now = new Date() }: { actor: Actor; meetingId: string; now?: Date }) => {
  if (!isUuid(meetingId)) throw meetingNotFound();
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    select: { id: true, committeeId: true, status: true, startsAt: true, place: true, committee: { select: { name: true, shortName: true } }, minutes: true },
  });
  const scope = authorize(actor, "meeting.read", meeting ? await loadCommitteeScope(db, meeting.committeeId) : null);
  if (!meeting) throw meetingNotFound();
  const canEdit = can(actor, "meeting.edit", scope);
  const [chairs = [], checkers = []] = canEdit
    ? await Promise.all(
        (["CHAIR", "MINUTES_CHECKER"] as const).map((role) =>
          db.user.findMany({ where: justeringCandidatesWhere(role, meeting), select: { id: true, name: true }, orderBy: { name: "asc" } }),
        ),
      )
    : [[], []];
  // The full content: what the hash is computed from. The page shows `visible`.
  const content = meeting.minutes ? await readMinutesContent(db, meeting.id) : null;
  const visible = content ? await maskContent(content, actor, scope) : null;
  const request = meeting.minutes
    ? await db.attestationRequest.findFirst({
        where: { subjectType: "MINUTES", subjectId: meeting.minutes.id },
        orderBy: { createdAt: "desc" },
        include: { steps: { orderBy: { position: "asc" }, include: { assignee: { select: { name: true } } } } },
      })
    : null;
  const myStep = request?.status === "PENDING" ? request.steps.find((step) => step.assigneeId === actor.id && step.status === "WAITING") : undefined;
  return {
    meeting: { id: meeting.id, status: meeting.status, date: formatDate(meeting.startsAt), time: meetingTime(meeting.startsAt), place: meeting.place, committee: meeting.committee },
    minutes: meeting.minutes
      ? {
          id: meeting.minutes.id,
          status: meeting.minutes.status,
          version: meeting.minutes.version,
          chairId: meeting.minutes.chairId,
          checkerId: meeting.minutes.checkerId,
          approvedAt: meeting.minutes.approvedAt,
          postedDate: formatDateOnly(meeting.minutes.postedDate),
          appealEndsOn: formatDateOnly(meeting.minutes.appealEndsOn),
          /** The justerat protokoll kept as the meeting's file (stored by the worker after the justering). */
          recordStored:
            (await db.generatedRecord.count({ where: { meetingId: meeting.id, kind: "MINUTES", subjectId: meeting.minutes.id, blobSha256: { not: null } } })) > 0,
        }
      : null,
    /** The minutes as this actor may see them (§§ of confidential cases they may not read masked). */
    content: visible?.content ?? null,
    /** The §§ shown masked: no protokollsutdrag for them. */
    maskedDecisionIds: visible?.maskedDecisionIds ?? [],
    /** The hash the approver binds to: the request's while in approval, else the current content's (always the full content). */
    contentHash: request?.status === "PENDING" || request?.status === "COMPLETED" ? request.contentHash : content ? hashMinutesContent(content, CURRENT_HASH_SCHEME) : null,
    request: request
      ? {
          status: request.status,
          verificationCode: request.verificationCode,
          steps: request.steps.map((step) => ({
            id: step.id,
            role: step.role,
            status: step.status,
            assignee: step.assignee.name,
            attestedAt: step.attestedAt,
            attesterName: step.attesterName,
            attesterTitle: step.attesterTitle,
            // Free text about the §§, which may cite a secret one: only for readers who see every § in full.
            comment: step.comment && visible?.maskedDecisionIds.length ? COMMENT_WITHHELD : step.comment,
          })),
        }
      : null,
    canEdit,
    /** Why the minutes cannot be written yet (the meeting has not started); null once they can. */
    minutesNotYet: notBeforeMeeting("minutes", meeting.startsAt, now),
    canApprove: Boolean(myStep),
    myRole: myStep?.role ?? null,
    needsPassword: needsReauthentication(actor, now),
    hasPassword: myStep ? await hasPassword(actor.id) : false,
    chairs,
    checkers,
  };
};

// ─── Extract and dispatch ────────────────────────────────────────────────────

export const getExtractView = async ({ actor, decisionId, now = new Date() }: { actor: Actor; decisionId: string; now?: Date }) => {
  const decision = isUuid(decisionId)
    ? await db.decision.findUnique({
        where: { id: decisionId },
        select: {
          id: true,
          immediateApproval: true,
          kind: true,
          agendaItem: {
            select: {
              meetingId: true,
              meeting: { select: { committeeId: true, startsAt: true, minutes: { select: { status: true } } } },
              case: {
                select: {
                  id: true,
                  caseNumber: true,
                  status: true,
                  version: true,
                  answeredDate: true,
                  closedReason: true,
                  referringBody: true,
                  series: { select: { documentNumberFormat: true } },
                  // An internal remiss waiting for its answer: the dispatch sends the answer home with a position.
                  referralReceived: { select: { status: true } },
                },
              },
            },
          },
          dispatches: { orderBy: { createdAt: "asc" }, select: { id: true, recipient: true, sentDate: true, document: { select: { number: true } } } },
        },
      })
    : null;
  const scope = authorize(actor, "meeting.read", decision ? await loadCommitteeScope(db, decision.agendaItem.meeting.committeeId) : null);
  if (!decision) throw meetingNotFound();
  const extract = await getExtractForExport({ actor, decisionId });
  const theCase = decision.agendaItem.case;
  return {
    extract,
    meetingId: decision.agendaItem.meetingId,
    canEdit: can(actor, "meeting.edit", scope),
    approved: decision.agendaItem.meeting.minutes?.status === "APPROVED" || decision.immediateApproval,
    answers: decision.kind === "AS_PROPOSED" || decision.kind === "AMENDED" || decision.kind === "REJECTED",
    case: theCase ? { ...theCase, answeredDate: formatDateOnly(theCase.answeredDate), awaitsReferralAnswer: theCase.referralReceived?.status === "ACCEPTED" } : null,
    /** Bounds of the expedieringsdatum: the dispatch service applies the same rule. */
    dispatchDates: dispatchDateRange(decision.agendaItem.meeting.startsAt, now),
    dispatches: decision.dispatches.map((dispatch) => ({
      id: dispatch.id,
      recipient: dispatch.recipient,
      sentDate: formatDateOnly(dispatch.sentDate),
      documentNumber: theCase ? formatDocumentNumber(theCase.caseNumber, dispatch.document.number, theCase.series.documentNumberFormat) : String(dispatch.document.number),
    })),
  };
};
