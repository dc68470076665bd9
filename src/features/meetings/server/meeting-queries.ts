// Read models of the meeting pages and documents. Each query authorizes from the meeting's
// committee, and masks the items of confidential cases the actor may not read
// (confidential-items.ts), so that a page and its export always show the same.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/auth";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { dispatchDateRange, meetingTime, meetingYear, notBeforeMeeting } from "../dates";
import { ZMotionsSchema, ZVotesSchema } from "../schemas";
import { maskedCases, maskOf, maskParagraph, type MeetingViewer } from "./confidential-items";
import { CONFIDENTIAL_CASE_TITLE, secrecyNotice } from "@/features/cases/secrecy";
import { authorize, can, loadCommitteeScope, readableCommitteesWhere, type CommitteeScope } from "@/server/authz";
import { hasPassword, needsReauthentication } from "@/features/attestation/server/confirm-identity";
import { hashMinutesContent, readMinutesContent, type MinutesContent } from "./minutes-content";
import { getAttestedStatement } from "./statement-state";
import { getUnionConsultations } from "./union-consultation";
import { asHashScheme, CURRENT_HASH_SCHEME } from "@/lib/canonical-json";
import { formatDate, formatDateOnly } from "@/lib/dates";
import { isUuid } from "@/lib/ids";

const stringsOf = (value: Prisma.JsonValue): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);

const notFound = () => new AppError("NOT_FOUND", "Meeting not found", { userMessage: "Sammanträdet finns inte, eller så saknar du behörighet att se det." });

/** The minutes as the viewer may see them: the §§ of confidential cases they may not read masked. */
const maskContent = async (content: MinutesContent, viewer: MeetingViewer, scope: CommitteeScope): Promise<{ content: MinutesContent; maskedDecisionIds: string[] }> => {
  const masked = await maskedCases(db, viewer, scope, content.paragraphs.map((paragraph) => paragraph.caseId));
  const maskedDecisionIds: string[] = [];
  const paragraphs = content.paragraphs.map((paragraph) => {
    const secrecy = maskOf(masked, paragraph.caseId);
    if (!secrecy) return paragraph;
    maskedDecisionIds.push(paragraph.decisionId);
    return maskParagraph(paragraph, secrecy);
  });
  return { content: { ...content, paragraphs }, maskedDecisionIds };
};

// ─── Meeting plan ────────────────────────────────────────────────────────────

export const getMeetingPlan = async ({ actor, committeeId, year }: { actor: Actor; committeeId?: string; year?: number }) => {
  const committees = await db.committee.findMany({ where: readableCommitteesWhere(actor), select: { id: true, name: true, shortName: true }, orderBy: { name: "asc" } });
  const editable = new Set<string>();
  for (const committee of committees) {
    const scope = await loadCommitteeScope(db, committee.id);
    if (scope && can(actor, "meeting.edit", scope)) editable.add(committee.id);
  }
  // Default: the first committee the actor edits, else the first one they read.
  const selected = committees.find((committee) => committee.id === committeeId) ?? committees.find((committee) => editable.has(committee.id)) ?? committees[0] ?? null;
  const selectedYear = year ?? meetingYear(new Date());
  if (!selected) return { committees, selected: null, year: selectedYear, canEdit: false, meetings: [] };
  // A year in Stockholm, with a day of margin on each side; filtered exactly below.
  const meetings = await db.meeting.findMany({
    where: { committeeId: selected.id, startsAt: { gte: new Date(Date.UTC(selectedYear - 1, 11, 31)), lt: new Date(Date.UTC(selectedYear + 1, 0, 2)) } },
    orderBy: { startsAt: "asc" },
    select: { id: true, startsAt: true, place: true, status: true, _count: { select: { agendaItems: true } }, minutes: { select: { status: true } } },
  });
  return {
    committees,
    selected,
    year: selectedYear,
    canEdit: editable.has(selected.id),
    meetings: meetings
      .filter((meeting) => meetingYear(meeting.startsAt) === selectedYear)
      .map((meeting) => ({
        id: meeting.id,
        date: formatDate(meeting.startsAt),
        time: meetingTime(meeting.startsAt),
        place: meeting.place,
        status: meeting.status,
        items: meeting._count.agendaItems,
        minutesStatus: meeting.minutes?.status ?? null,
      })),
  };
};

// ─── One meeting ─────────────────────────────────────────────────────────────

const MEETING_DETAIL = {
  committee: { select: { id: true, name: true, shortName: true } },
  minutes: { select: { id: true, status: true, version: true, postedDate: true, appealEndsOn: true } },
  attendance: true,
  agendaItems: {
    orderBy: { position: "asc" },
    include: {
      case: { select: { id: true, caseNumber: true, title: true, status: true, caseOfficer: { select: { name: true } } } },
      decision: { include: { opinions: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] }, _count: { select: { dispatches: true } } } },
    },
  },
} satisfies Prisma.MeetingInclude;

export const getMeetingDetail = async ({ actor, meetingId, now = new Date() }: { actor: Actor; meetingId: string; now?: Date }) => {
  if (!isUuid(meetingId)) throw notFound();
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, include: MEETING_DETAIL });
  const scope = authorize(actor, "meeting.read", meeting ? await loadCommitteeScope(db, meeting.committeeId) : null);
  if (!meeting) throw notFound();
  const canEdit = can(actor, "meeting.edit", scope);
  const members = await db.committeeMember.findMany({ where: { committeeId: meeting.committeeId, active: true }, orderBy: [{ role: "asc" }, { name: "asc" }] });
  const attendanceByMember = new Map(meeting.attendance.map((row) => [row.memberId, row]));
  const masked = await maskedCases(db, actor, scope, meeting.agendaItems.map((item) => item.caseId));
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
        case: item.case
          ? { id: item.case.id, caseNumber: item.case.caseNumber, status: item.case.status, caseOfficer: secrecyReference ? null : item.case.caseOfficer.name }
          : null,
        unionConsultations: item.case && !secrecyReference ? await getUnionConsultations(item.case.id) : [],
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
  const candidates = canEdit && (meeting.status === "PLANNED" || meeting.status === "CALLED") ? await agendaCandidates(meeting.committeeId, onAgenda) : [];
  return {
    id: meeting.id,
    version: meeting.version,
    committee: meeting.committee,
    date: formatDate(meeting.startsAt),
    time: meetingTime(meeting.startsAt),
    startsAt: meeting.startsAt,
    place: meeting.place,
    status: meeting.status,
    /** Why decisions cannot be recorded yet (the meeting has not started); null once they can. */
    decisionsNotYet: notBeforeMeeting("decision", meeting.startsAt, now),
    agendaPublishedAt: meeting.agendaPublishedAt,
    noticeSentAt: meeting.noticeSentAt,
    minutes: meeting.minutes
      ? { ...meeting.minutes, postedDate: formatDateOnly(meeting.minutes.postedDate), appealEndsOn: formatDateOnly(meeting.minutes.appealEndsOn) }
      : null,
    canEdit,
    items,
    candidates,
    members: members.map((member) => ({
      id: member.id,
      name: member.name,
      party: member.party,
      role: member.role,
      present: attendanceByMember.get(member.id)?.present ?? null,
      serving: attendanceByMember.get(member.id)?.serving ?? false,
    })),
  };
};

/** Open cases of the committee with an attested statement that are not waiting on an agenda. */
const agendaCandidates = async (committeeId: string, exclude: Set<string>) => {
  const cases = await db.case.findMany({
    where: {
      committeeId,
      status: "OPEN",
      statement: { status: "ATTESTED" },
      NOT: { agendaItems: { some: { OR: [{ decision: null }, { decision: { kind: { notIn: ["TABLED", "REFERRED_BACK"] } } }] } } },
    },
    select: { id: true, caseNumber: true, title: true, caseOfficer: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
    take: 200,
  });
  const attested = await Promise.all(cases.filter((row) => !exclude.has(row.id)).map(async (row) => ((await getAttestedStatement(db, row.id)) ? row : null)));
  return attested.filter((row) => row !== null).map((row) => ({ id: row.id, caseNumber: row.caseNumber, title: row.title, caseOfficer: row.caseOfficer.name }));
};

// ─── Minutes ─────────────────────────────────────────────────────────────────

export const getMinutesView = async ({ actor, meetingId, now = new Date() }: { actor: Actor; meetingId: string; now?: Date }) => {
  if (!isUuid(meetingId)) throw notFound();
  const meeting = await db.meeting.findUnique({
    where: { id: meetingId },
    select: { id: true, committeeId: true, status: true, startsAt: true, place: true, committee: { select: { name: true, shortName: true } }, minutes: true },
  });
  const scope = authorize(actor, "meeting.read", meeting ? await loadCommitteeScope(db, meeting.committeeId) : null);
  if (!meeting) throw notFound();
  const canEdit = can(actor, "meeting.edit", scope);
  const [chairs = [], checkers = []] = canEdit
    ? await Promise.all(
        (["CHAIR", "MINUTES_CHECKER"] as const).map((role) =>
          db.user.findMany({ where: { disabledAt: null, memberships: { some: { role, committeeId: meeting.committeeId } } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
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
            comment: step.comment,
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
              case: { select: { id: true, caseNumber: true, status: true, version: true, answeredDate: true, closedReason: true, referringBody: true } },
            },
          },
          dispatches: { orderBy: { createdAt: "asc" }, select: { id: true, recipient: true, sentDate: true, document: { select: { number: true } } } },
        },
      })
    : null;
  const scope = authorize(actor, "meeting.read", decision ? await loadCommitteeScope(db, decision.agendaItem.meeting.committeeId) : null);
  if (!decision) throw notFound();
  const extract = await getExtractForExport({ actor, decisionId });
  const theCase = decision.agendaItem.case;
  return {
    extract,
    meetingId: decision.agendaItem.meetingId,
    canEdit: can(actor, "meeting.edit", scope),
    approved: decision.agendaItem.meeting.minutes?.status === "APPROVED" || decision.immediateApproval,
    answers: decision.kind === "AS_PROPOSED" || decision.kind === "AMENDED" || decision.kind === "REJECTED",
    case: theCase ? { ...theCase, answeredDate: formatDateOnly(theCase.answeredDate) } : null,
    /** Bounds of the expedieringsdatum: the dispatch service applies the same rule. */
    dispatchDates: dispatchDateRange(decision.agendaItem.meeting.startsAt, now),
    dispatches: decision.dispatches.map((dispatch) => ({
      id: dispatch.id,
      recipient: dispatch.recipient,
      sentDate: formatDateOnly(dispatch.sentDate),
      documentNumber: theCase ? `${theCase.caseNumber}-${dispatch.document.number}` : String(dispatch.document.number),
    })),
  };
};

// ─── Read models for exports (G maps these to its document model) ───────────

type ExportActor = Exclude<MeetingViewer, "public">;

const authorizeExport = async (actor: ExportActor, committeeId: string): Promise<CommitteeScope> => {
  const scope = await loadCommitteeScope(db, committeeId);
  // "system": the export job, which authorized when the export was requested.
  if (actor !== "system") return authorize(actor, "meeting.read", scope);
  if (!scope) throw notFound();
  return scope;
};

export type AgendaExport = Awaited<ReturnType<typeof getAgendaForExport>>;

/** Föredragningslista with kallelse data. */
export const getAgendaForExport = async ({ actor, meetingId }: { actor: ExportActor; meetingId: string }) => {
  const meeting = isUuid(meetingId)
    ? await db.meeting.findUnique({
        where: { id: meetingId },
        include: {
          committee: { select: { id: true, name: true, shortName: true } },
          agendaItems: {
            orderBy: { position: "asc" },
            include: { case: { select: { caseNumber: true, caseOfficer: { select: { name: true, phone: true } }, department: { select: { name: true } } } } },
          },
        },
      })
    : null;
  if (!meeting) throw notFound();
  const scope = await authorizeExport(actor, meeting.committeeId);
  const masked = await maskedCases(db, actor, scope, meeting.agendaItems.map((item) => item.caseId));
  return {
    committee: meeting.committee,
    meeting: { id: meeting.id, date: formatDate(meeting.startsAt), time: meetingTime(meeting.startsAt), place: meeting.place, status: meeting.status },
    publishedAt: meeting.agendaPublishedAt,
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
export const getMinutesForExport = async ({ actor, minutesId }: { actor: ExportActor; minutesId: string }) => {
  const minutes = isUuid(minutesId) ? await db.minutes.findUnique({ where: { id: minutesId }, include: { meeting: { select: { committeeId: true } } } }) : null;
  if (!minutes) throw notFound();
  const scope = await authorizeExport(actor, minutes.meeting.committeeId);
  const content = await readMinutesContent(db, minutes.meetingId);
  if (!content) throw notFound();
  const { content: visible } = await maskContent(content, actor, scope);
  const justering = minutes.status === "APPROVED" ? await approvalsOf(minutes.id) : null;
  return {
    ...visible,
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
  if (!decision) throw notFound();
  const scope = await authorizeExport(actor, decision.committeeId);
  if ((await maskedCases(db, actor, scope, [decision.agendaItem.caseId])).size > 0) throw notFound();
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
    /** "Rätt utdraget intygar": the secretary of the minutes' content. */
    secretary: minutes?.secretary?.name ?? null,
  };
};

const liveLetterhead = async (meetingId: string) => {
  const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { startsAt: true, place: true, committee: { select: { id: true, name: true, shortName: true } } } });
  return { committee: meeting.committee, meeting: { id: meetingId, date: formatDate(meeting.startsAt), time: meetingTime(meeting.startsAt), place: meeting.place } };
};

const standaloneParagraph = async (decisionId: string) => {
  const decision = await db.decision.findUniqueOrThrow({
    where: { id: decisionId },
    include: { opinions: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] }, agendaItem: { include: { case: { select: { caseNumber: true } } } } },
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
    kind: decision.kind,
    decisionPoints: stringsOf(decision.decisionPoints),
    motions: ZMotionsSchema.safeParse(decision.motions).data ?? [],
    votes: votes?.mode === "TOTALS" ? { question: votes.question ?? null, yes: votes.yes, no: votes.no, abstain: votes.abstain, rollCall: [] } : null,
    immediateApproval: decision.immediateApproval,
    opinions: decision.opinions.map((opinion) => ({ kind: opinion.kind, party: opinion.party, members: opinion.members, text: opinion.text })),
  };
};
