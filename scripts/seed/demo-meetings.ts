// Demo sammanträden of Hägersten-Älvsjö stadsdelsnämnd: the elected members, the meeting of
// 2024-04-25 where the reference case was decided "enligt förvaltningens förslag", its
// justerade minutes, the protokollsutdrag dispatched to kommunstyrelsen and the case closed
// as answered; a meeting planned for eight days after the demo was installed, for new cases;
// and a meeting held a week before it, its minutes justerade and on the anslagstavla.
// Fixed ids: an existing 2024 meeting means the demo is already in place and is left alone.
// The meeting, its agenda and decisions are written against the rows (the 2024 meeting lies
// in the past, which the services rightly refuse for new meetings); the justering goes
// through the attestation engine with its clock set to the dates of 2024.
import type { MemberRole } from "@/generated/prisma/enums";
import { closeCaseInTx } from "@/features/cases/server/case-lifecycle";
import { createCaseDocumentInTx } from "@/features/cases/server/create-document";
import { meetingYear, stockholmDateTimeToInstant } from "@/features/meetings/dates";
import { extractDescription } from "@/features/meetings/format";
import { minutesSnapshot, minutesSubject } from "@/features/meetings/server/minutes-subject";
import { getAttestedStatement } from "@/features/meetings/server/statement-state";
import { addOpeningItems, openingDecisionPoints } from "@/features/meetings/server/opening-items";
import { defaultDecisionPoint } from "@/features/statements/content";
import { recordAudit } from "@/server/audit";
import type { TAuditAction } from "@/server/audit-actions";
import * as engine from "@/features/attestation/server/engine";
import type { Actor } from "@/server/auth/actor";
import type { Tx } from "@/server/db";
import { REFERENCE_CASE_ID } from "./demo-cases";
import { demoActor, demoUser } from "./demo-organisation";
import { addDays, formatDate, isoDateToDb } from "@/lib/dates";

const uuid = (n: number): string => `00000000-0000-7000-8000-${n.toString().padStart(12, "0")}`;

const userId = (username: string): string => demoUser(username).id;

export const DEMO_MEETING_2024_ID = uuid(5101);
export const DEMO_MEETING_PLANNED_ID = uuid(5102);
export const DEMO_MEETING_RECENT_ID = uuid(5103);
const MINUTES_ID = uuid(5301);
const RECENT_MINUTES_ID = uuid(5302);
const REQUEST_ID = uuid(5401);
const DISPATCH_ID = uuid(5601);

const PLACE = "Hägersten-Älvsjö stadsdelsförvaltning, Sammanträdesrummet, Svandammsvägen 18";
const COMMITTEE_NAME = "Hägersten-Älvsjö stadsdelsnämnd";
const JUSTERING_PLACE = "Hägersten-Älvsjö stadsdelsförvaltning, Svandammsvägen 18";

type DemoMember = { id: string; name: string; party: string; role: MemberRole; username?: string };

/** Elected members of HÄS (fictional names; the chair and one justerare are demo users). */
export const DEMO_MEMBERS: DemoMember[] = [
  { id: uuid(5001), name: "Maria Lindqvist", party: "S", role: "CHAIR", username: "ordforande" },
  { id: uuid(5002), name: "Erik Sandberg", party: "M", role: "VICE_CHAIR" },
  { id: uuid(5003), name: "Anders Berglund", party: "M", role: "MEMBER", username: "justerare" },
  { id: uuid(5004), name: "Leila Haddad", party: "V", role: "MEMBER" },
  { id: uuid(5005), name: "Johanna Ekström", party: "L", role: "MEMBER" },
  { id: uuid(5006), name: "Ahmed Yusuf", party: "MP", role: "MEMBER" },
  { id: uuid(5007), name: "Birgitta Holm", party: "KD", role: "MEMBER" },
  { id: uuid(5008), name: "Karl Nyberg", party: "C", role: "MEMBER" },
  { id: uuid(5009), name: "Peter Lund", party: "SD", role: "MEMBER" },
  { id: uuid(5010), name: "Sofia Andersson", party: "S", role: "DEPUTY" },
  { id: uuid(5011), name: "Oskar Wikström", party: "M", role: "DEPUTY" },
];

/** The mandatperiod 2023– (the demo meetings of 2024 and 2026 fall within it). */
const DEMO_TERM_START = isoDateToDb("2023-01-01");

const upsertMembers = async (tx: Tx): Promise<void> => {
  for (const member of DEMO_MEMBERS) {
    const data = {
      committeeId: "has",
      name: member.name,
      party: member.party,
      role: member.role,
      email: `${member.name.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ /g, ".")}@politik.yttra.example`,
      userId: member.username ? userId(member.username) : null,
      termStart: DEMO_TERM_START,
    };
    await tx.committeeMember.upsert({ where: { id: member.id }, create: { id: member.id, ...data }, update: data });
  }
};

/**
 * Planned as the app plans a meeting: its agenda starts with the committee's opening items.
 * Dated from `now`, so a demo installed on any day has a meeting ahead of it.
 */
const seedPlannedMeeting = async (tx: Tx, now: Date): Promise<void> => {
  if (await tx.meeting.findUnique({ where: { id: DEMO_MEETING_PLANNED_ID }, select: { id: true } })) return;
  await tx.meeting.create({
    data: { id: DEMO_MEETING_PLANNED_ID, committeeId: "has", startsAt: stockholmDateTimeToInstant(formatDate(addDays(now, 8)), "18:00"), place: PLACE, createdById: userId("sekreterare") },
  });
  await addOpeningItems(tx, { meetingId: DEMO_MEETING_PLANNED_ID, committeeId: "has" });
};

/**
 * The committee's opening items first on a held meeting's agenda, each decided as the
 * secretary registers it (the text written from the meeting: its justerare and time of
 * justering), with § numbers from `firstParagraph` on. Returns how many there are.
 */
const seedOpeningParagraphs = async (tx: Tx, meetingId: string, { firstParagraph, createdById, createdAt }: { firstParagraph: number; createdById: string; createdAt: Date }): Promise<number> => {
  await addOpeningItems(tx, { meetingId, committeeId: "has" });
  const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  const items = await tx.agendaItem.findMany({ where: { meetingId, kind: "OPENING" }, orderBy: { position: "asc" } });
  for (const [index, item] of items.entries()) {
    const decisionPoints = await openingDecisionPoints(tx, item.openingItem!, meeting);
    if (!decisionPoints) throw new Error(`No decision text for ${item.openingItem}: create the minutes (justerare) first`);
    await tx.decision.create({
      data: { agendaItemId: item.id, committeeId: "has", year: meetingYear(meeting.startsAt), paragraph: firstParagraph + index, kind: "AS_PROPOSED", decisionPoints, createdById, createdAt },
    });
  }
  return items.length;
};

type Justering = {
  minutesId: string;
  meetingId: string;
  /** When the secretary sent the minutes for justering, and when ordförande and justerare approved them. */
  sentAt: Date;
  approvals: { username: string; at: Date }[];
  fixed?: { requestId: string; stepIds: string[]; verificationCode: string };
};

/** The minutes with ordförande and justerare named, as the secretary does at the start of the meeting (val av justerare needs them). */
const createMinutes = async (tx: Tx, minutesId: string, meetingId: string): Promise<void> => {
  await tx.minutes.create({ data: { id: minutesId, meetingId, chairId: userId("ordforande"), checkerId: userId("justerare") } });
};

/**
 * Sent for justering by the secretary (who signs "Vid protokollet") and justerad by
 * ordförande and justerare through the attestation engine with its clock at the given
 * times: the meeting is then APPROVED and the minutes posted on the day of the last
 * approval, appealable three weeks. Past records: nobody is notified today.
 */
const justerMinutes = async (tx: Tx, secretary: Actor, justering: Justering): Promise<void> => {
  const { request, contentHash } = await engine.sendForAttestation(tx, {
    adapter: minutesSubject,
    subjectId: justering.minutesId,
    actor: secretary,
    now: justering.sentAt,
    order: "PARALLEL",
    steps: [
      { assigneeId: userId("ordforande"), role: "CHAIR" },
      { assigneeId: userId("justerare"), role: "MINUTES_CHECKER" },
    ],
    bind: async (minutes) => ({ versionNumber: minutes.version + 1, content: await minutesSnapshot(tx, justering.meetingId, secretary) }),
    fixed: justering.fixed,
    quiet: true,
  });
  const { approvals } = justering;
  for (const [index, approval] of approvals.entries()) {
    const approver = demoUser(approval.username);
    await engine.attest(tx, {
      adapter: minutesSubject,
      requestId: request.id,
      stepId: request.steps[index]!.id,
      actor: { id: approver.id, name: approver.name },
      now: approval.at,
      authMethod: "Lösenord (inloggning)",
      contentHash,
      quiet: true,
    });
  }
};

/** Every member present but `absent`, whose place the first deputy takes. */
const recordAttendance = async (tx: Tx, meetingId: string, absent: string): Promise<void> => {
  for (const member of DEMO_MEMBERS) {
    const present = member.role === "DEPUTY" ? member.id === uuid(5010) : member.id !== absent;
    await tx.meetingAttendance.create({ data: { meetingId, memberId: member.id, present, serving: member.id === uuid(5010) } });
  }
};

/**
 * A meeting held a week before the demo was installed (`now`), its minutes justerade three
 * days later: on the anslagstavla (/stockholm/anslagstavla) for the rest of their appeal
 * period, while the 2024 minutes are in its archive. Only items without a case, so no
 * case's course changes; its §§ take the next numbers of the committee's year.
 */
const seedRecentMeeting = async (tx: Tx, now: Date): Promise<void> => {
  if (await tx.meeting.findUnique({ where: { id: DEMO_MEETING_RECENT_ID }, select: { id: true } })) return;
  const actor = demoActor("sekreterare", "COMMITTEE_SECRETARY");
  const startsAt = stockholmDateTimeToInstant(formatDate(addDays(now, -7)), "18:00");
  const justeringDay = formatDate(addDays(now, -4));
  const calledAt = addDays(startsAt, -10);
  await tx.meeting.create({
    data: {
      id: DEMO_MEETING_RECENT_ID,
      committeeId: "has",
      startsAt,
      place: PLACE,
      status: "CALLED",
      agendaPublishedAt: calledAt,
      noticeSentAt: calledAt,
      justeringAt: stockholmDateTimeToInstant(justeringDay, "08:30"),
      justeringPlace: JUSTERING_PLACE,
      version: 4,
      createdById: actor.id,
    },
  });
  const year = meetingYear(startsAt);
  const counter = await tx.paragraphCounter.findUnique({ where: { committeeId_year: { committeeId: "has", year } } });
  await createMinutes(tx, RECENT_MINUTES_ID, DEMO_MEETING_RECENT_ID);
  const opening = await seedOpeningParagraphs(tx, DEMO_MEETING_RECENT_ID, { firstParagraph: (counter?.lastValue ?? 0) + 1, createdById: actor.id, createdAt: startsAt });
  const first = (counter?.lastValue ?? 0) + opening + 1;
  const items = [
    { id: uuid(5221), kind: "DELEGATION_DECISIONS" as const, title: "Anmälan av delegationsbeslut", decision: "Anmälan av delegationsbeslut godkänns." },
    { id: uuid(5222), kind: "INFORMATION" as const, title: "Stadsdelsdirektörens information om budgetuppföljningen", decision: "Informationen noteras." },
  ];
  for (const [index, item] of items.entries()) {
    await tx.agendaItem.create({ data: { id: item.id, meetingId: DEMO_MEETING_RECENT_ID, position: opening + index + 1, kind: item.kind, title: item.title } });
    await tx.decision.create({
      data: { agendaItemId: item.id, committeeId: "has", year, paragraph: first + index, kind: "AS_PROPOSED", decisionPoints: [item.decision], createdById: actor.id, createdAt: startsAt },
    });
  }
  const lastValue = first + items.length - 1;
  await tx.paragraphCounter.upsert({ where: { committeeId_year: { committeeId: "has", year } }, create: { committeeId: "has", year, lastValue }, update: { lastValue } });
  await recordAttendance(tx, DEMO_MEETING_RECENT_ID, uuid(5006));
  await justerMinutes(tx, actor, {
    minutesId: RECENT_MINUTES_ID,
    meetingId: DEMO_MEETING_RECENT_ID,
    sentAt: addDays(startsAt, 1),
    approvals: [
      { username: "ordforande", at: stockholmDateTimeToInstant(justeringDay, "08:30") },
      { username: "justerare", at: stockholmDateTimeToInstant(justeringDay, "09:30") },
    ],
  });
};

/** The 2024-04-25 protokoll: § 1–3 the opening items, § 4 delegationsbeslut, § 5 the reference case, § 6 information. */
const OPENING_PARAGRAPHS = 3;
export const DEMO_CASE_PARAGRAPH = OPENING_PARAGRAPHS + 2;

const seedReferenceMeeting = async (tx: Tx): Promise<boolean> => {
  if (await tx.meeting.findUnique({ where: { id: DEMO_MEETING_2024_ID }, select: { id: true } })) return false;
  const theCase = await tx.case.findUnique({ where: { id: REFERENCE_CASE_ID }, select: { id: true, title: true, status: true, version: true, caseNumber: true } });
  if (!theCase) return false;
  const actor = demoActor("sekreterare", "COMMITTEE_SECRETARY");
  const statement = await getAttestedStatement(tx, REFERENCE_CASE_ID);
  const proposal = statement?.decisionPoints.length ? statement.decisionPoints : [defaultDecisionPoint(COMMITTEE_NAME, "Kommunstyrelsen")];
  const calledAt = new Date("2024-04-15T08:00:00.000Z");

  await tx.meeting.create({
    data: {
      id: DEMO_MEETING_2024_ID,
      committeeId: "has",
      startsAt: stockholmDateTimeToInstant("2024-04-25", "18:00"),
      place: PLACE,
      // Called; the justering below marks it APPROVED (version 5), as the app does.
      status: "CALLED",
      otherAttendees: [
        { name: "Lee Orberson", role: "stadsdelsdirektör" },
        { name: "Linda Palo", role: "avdelningschef" },
        { name: "Clas Cederlid", role: `utredare, § ${DEMO_CASE_PARAGRAPH}` },
      ],
      justeringAt: stockholmDateTimeToInstant("2024-04-29", "15:00"),
      justeringPlace: JUSTERING_PLACE,
      agendaPublishedAt: calledAt,
      noticeSentAt: calledAt,
      version: 4,
      createdById: actor.id,
    },
  });
  // Ordförande and justerare are named at the start of the meeting: val av justerare (§ 2) names them.
  await createMinutes(tx, MINUTES_ID, DEMO_MEETING_2024_ID);
  const decidedAt = stockholmDateTimeToInstant("2024-04-25", "18:30");
  const opening = await seedOpeningParagraphs(tx, DEMO_MEETING_2024_ID, { firstParagraph: 1, createdById: actor.id, createdAt: decidedAt });
  if (opening !== OPENING_PARAGRAPHS) throw new Error(`HÄS has ${opening} opening items; the demo protokoll of 2024-04-25 expects ${OPENING_PARAGRAPHS}`);
  const items = [
    { id: uuid(5201), position: opening + 1, kind: "DELEGATION_DECISIONS" as const, title: "Anmälan av delegationsbeslut", caseId: null, proposal: [] as string[] },
    { id: uuid(5202), position: opening + 2, kind: "CASE" as const, title: theCase.title, caseId: theCase.id, proposal },
    { id: uuid(5203), position: opening + 3, kind: "INFORMATION" as const, title: "Stadsdelsdirektörens information", caseId: null, proposal: [] as string[] },
  ];
  const decisions = [
    { id: uuid(5211), agendaItemId: uuid(5201), paragraph: opening + 1, decisionPoints: ["Anmälan av delegationsbeslut godkänns."], motions: [] },
    {
      id: uuid(5212),
      agendaItemId: uuid(5202),
      paragraph: DEMO_CASE_PARAGRAPH,
      decisionPoints: proposal,
      motions: [
        { party: "S", member: "Maria Lindqvist", text: "Bifall till förvaltningens förslag." },
        { party: "M", member: "Erik Sandberg", text: "Bifall till förvaltningens förslag." },
        { party: "SD", member: "Peter Lund", text: "Avslag på förvaltningens förslag." },
      ],
      // Votering med namnupprop among the tjänstgörande (Karl Nyberg absent, Sofia Andersson serving).
      votes: {
        mode: "ROLL_CALL" as const,
        yesFor: "förvaltningens förslag",
        noFor: "Peter Lunds (SD) avslagsyrkande",
        entries: DEMO_MEMBERS.filter((member) => member.id !== uuid(5008) && (member.role !== "DEPUTY" || member.id === uuid(5010))).map((member) => ({
          memberId: member.id,
          vote: member.id === uuid(5009) ? ("NO" as const) : ("YES" as const),
        })),
      },
    },
    { id: uuid(5213), agendaItemId: uuid(5203), paragraph: opening + 3, decisionPoints: ["Informationen noteras."], motions: [] },
  ];
  for (const item of items) await tx.agendaItem.create({ data: { ...item, meetingId: DEMO_MEETING_2024_ID } });
  for (const decision of decisions) {
    await tx.decision.create({
      data: { ...decision, committeeId: "has", year: 2024, kind: "AS_PROPOSED", createdById: actor.id, createdAt: decidedAt },
    });
  }
  // Gap-free per committee and year: the demo's 2024 numbers are § 1–6.
  const lastValue = opening + items.length;
  await tx.paragraphCounter.upsert({ where: { committeeId_year: { committeeId: "has", year: 2024 } }, create: { committeeId: "has", year: 2024, lastValue }, update: { lastValue } });
  const absent = uuid(5008);
  await recordAttendance(tx, DEMO_MEETING_2024_ID, absent);
  const history: { action: TAuditAction; entityType: string; entityId: string; data: Record<string, string | boolean | null> }[] = [
    { action: "agenda.add_case", entityType: "AgendaItem", entityId: uuid(5202), data: { meetingDate: "2024-04-25", committee: "HÄS" } },
    { action: "decision.record", entityType: "Decision", entityId: uuid(5212), data: { paragraph: `§ ${DEMO_CASE_PARAGRAPH}/2024`, kind: "AS_PROPOSED", label: "Bifall till förvaltningens förslag", meetingDate: "2024-04-25" } },
  ];
  for (const event of history) await recordAudit(tx, { actorId: actor.id, caseId: theCase.id, ...event });
  // Sent on 2024-04-26, justerad on the morning of 2024-04-29: posted that day, appealable until 2024-05-20.
  await justerMinutes(tx, actor, {
    minutesId: MINUTES_ID,
    meetingId: DEMO_MEETING_2024_ID,
    sentAt: new Date("2024-04-26T09:00:00.000Z"),
    approvals: [
      { username: "ordforande", at: new Date("2024-04-29T07:30:00.000Z") },
      { username: "justerare", at: new Date("2024-04-29T08:30:00.000Z") },
    ],
    fixed: { requestId: REQUEST_ID, stepIds: [uuid(5402), uuid(5403)], verificationCode: "PROT-HAS2-0425" },
  });
  await tx.unionConsultation.upsert({
    where: { id: uuid(5501) },
    create: { id: uuid(5501), caseId: theCase.id, forum: "förvaltningsgrupp", date: isoDateToDb("2024-04-16"), createdById: userId("clas.cederlid") },
    update: {},
  });

  if (theCase.status === "OPEN") {
    const document = await createCaseDocumentInTx(tx, {
      actorId: actor.id,
      caseId: theCase.id,
      direction: "OUTGOING",
      documentDate: isoDateToDb("2024-04-30"),
      counterpart: "Kommunstyrelsen",
      description: extractDescription({ shortName: "HÄS", paragraph: DEMO_CASE_PARAGRAPH, year: 2024, meetingDate: "2024-04-25", title: theCase.title, includeStatement: true }),
      // What was sent, kept as the handling's files (stored by storePendingRecords after this transaction).
      generated: [
        { kind: "EXTRACT", subjectId: uuid(5212), contentHash: (await tx.minutes.findUniqueOrThrow({ where: { id: MINUTES_ID }, select: { contentHash: true } })).contentHash },
        ...(statement ? [{ kind: "STATEMENT" as const, subjectId: statement.statementId, contentHash: statement.contentHash }] : []),
      ],
    });
    await tx.dispatch.create({
      data: { id: DISPATCH_ID, caseId: theCase.id, decisionId: uuid(5212), documentId: document.id, recipient: "Kommunstyrelsen", sentDate: isoDateToDb("2024-04-30"), createdById: actor.id },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "decision.dispatch",
      entityType: "Decision",
      entityId: uuid(5212),
      caseId: theCase.id,
      data: { paragraph: `§ ${DEMO_CASE_PARAGRAPH}/2024`, recipients: ["Kommunstyrelsen"], sentDate: "2024-04-30", documents: [document.documentNumber] },
    });
    const current = await tx.case.findUniqueOrThrow({ where: { id: theCase.id }, select: { version: true } });
    await closeCaseInTx(tx, actor, { caseId: theCase.id, version: current.version, reason: "Besvarad" });
    await tx.case.update({ where: { id: theCase.id }, data: { answeredDate: isoDateToDb("2024-04-25") } });
    await recordAudit(tx, { actorId: actor.id, action: "case.answered", entityType: "Case", entityId: theCase.id, caseId: theCase.id, data: { answeredDate: "2024-04-25" } });
  }
  return true;
};

/**
 * Call at the end of seedDemoData, inside its transaction, after the cases, statements and
 * attestation demo data (the agenda copies the reference statement's decision points).
 */
export const seedDemoMeetings = async (tx: Tx, now = new Date()): Promise<{ meetingsCreated: boolean }> => {
  await upsertMembers(tx);
  const created = await seedReferenceMeeting(tx);
  await seedPlannedMeeting(tx, now);
  await seedRecentMeeting(tx, now);
  return { meetingsCreated: created };
};
