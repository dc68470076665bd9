// Demo sammanträden of Hägersten-Älvsjö stadsdelsnämnd: the elected members, the meeting of
// 2024-04-25 where the reference case was decided "enligt förvaltningens förslag", its
// justerade minutes, the protokollsutdrag dispatched to kommunstyrelsen and the case closed
// as answered; and a planned meeting on 2026-12-10 for new cases.
// Fixed ids: an existing 2024 meeting means the demo is already in place and is left alone.
// Written against the rows (not the services): the 2024 meeting lies in the past, which the
// services rightly refuse for new meetings.
import type { Prisma } from "@/generated/prisma/client";
import type { MemberRole } from "@/generated/prisma/enums";
import { closeCaseInTx } from "@/features/cases/server/case-lifecycle";
import { createCaseDocumentInTx } from "@/features/cases/server/create-document";
import { stockholmDateTimeToInstant } from "@/features/meetings/dates";
import { extractDescription } from "@/features/meetings/format";
import { buildMinutesContent, hashMinutesContent } from "@/features/meetings/server/minutes-content";
import { getAttestedStatement } from "@/features/meetings/server/statement-state";
import { defaultDecisionPoint } from "@/features/statements/content";
import { recordAudit } from "@/server/audit";
import type { TAuditAction } from "@/server/audit-actions";
import { ATTEST_ACTION, attestAuditData, STEP_ENTITY } from "@/features/attestation/server/attestation-audit";
import type { Actor } from "@/server/auth/actor";
import type { Tx } from "@/server/db";
import { REFERENCE_CASE_ID } from "./demo-cases";
import { DEMO_USERS } from "./demo-organisation";
import { isoDateToDb } from "@/lib/dates";
import { CURRENT_HASH_SCHEME } from "@/lib/canonical-json";

const uuid = (n: number): string => `00000000-0000-7000-8000-${n.toString().padStart(12, "0")}`;

const userId = (username: string): string => {
  const user = DEMO_USERS.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`Unknown demo user ${username}`);
  return user.id;
};

export const DEMO_MEETING_2024_ID = uuid(5101);
export const DEMO_MEETING_PLANNED_ID = uuid(5102);
const MINUTES_ID = uuid(5301);
const REQUEST_ID = uuid(5401);
const DISPATCH_ID = uuid(5601);

const PLACE = "Hägersten-Älvsjö stadsdelsförvaltning, Sammanträdesrummet, Svandammsvägen 18";
const COMMITTEE_NAME = "Hägersten-Älvsjö stadsdelsnämnd";

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

/** The secretary as an actor (the seed runs without a session). */
const secretary = (): Actor => {
  const user = DEMO_USERS.find((candidate) => candidate.username === "sekreterare")!;
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    title: user.title,
    phone: user.phone,
    email: null,
    authTime: 0,
    memberships: [{ role: "COMMITTEE_SECRETARY", unitType: "COMMITTEE", unitId: "has", unitName: COMMITTEE_NAME }],
  };
};

const upsertMembers = async (tx: Tx): Promise<void> => {
  for (const member of DEMO_MEMBERS) {
    const data = {
      committeeId: "has",
      name: member.name,
      party: member.party,
      role: member.role,
      email: `${member.name.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ /g, ".")}@politik.yttra.example`,
      userId: member.username ? userId(member.username) : null,
    };
    await tx.committeeMember.upsert({ where: { id: member.id }, create: { id: member.id, ...data }, update: data });
  }
};

const seedPlannedMeeting = async (tx: Tx): Promise<void> => {
  if (await tx.meeting.findUnique({ where: { id: DEMO_MEETING_PLANNED_ID }, select: { id: true } })) return;
  await tx.meeting.create({
    data: { id: DEMO_MEETING_PLANNED_ID, committeeId: "has", startsAt: stockholmDateTimeToInstant("2026-12-10", "18:00"), place: PLACE, createdById: userId("sekreterare") },
  });
};

const seedReferenceMeeting = async (tx: Tx): Promise<boolean> => {
  if (await tx.meeting.findUnique({ where: { id: DEMO_MEETING_2024_ID }, select: { id: true } })) return false;
  const theCase = await tx.case.findUnique({ where: { id: REFERENCE_CASE_ID }, select: { id: true, title: true, status: true, version: true, caseNumber: true } });
  if (!theCase) return false;
  const actor = secretary();
  const statement = await getAttestedStatement(tx, REFERENCE_CASE_ID);
  const proposal = statement?.decisionPoints.length ? statement.decisionPoints : [defaultDecisionPoint(COMMITTEE_NAME, "Kommunstyrelsen")];
  const calledAt = new Date("2024-04-15T08:00:00.000Z");

  await tx.meeting.create({
    data: {
      id: DEMO_MEETING_2024_ID,
      committeeId: "has",
      startsAt: stockholmDateTimeToInstant("2024-04-25", "18:00"),
      place: PLACE,
      status: "APPROVED",
      agendaPublishedAt: calledAt,
      noticeSentAt: calledAt,
      version: 5,
      createdById: actor.id,
    },
  });
  const items = [
    { id: uuid(5201), position: 1, kind: "DELEGATION_DECISIONS" as const, title: "Anmälan av delegationsbeslut", caseId: null, proposal: [] as string[] },
    { id: uuid(5202), position: 2, kind: "CASE" as const, title: theCase.title, caseId: theCase.id, proposal },
    { id: uuid(5203), position: 3, kind: "INFORMATION" as const, title: "Stadsdelsdirektörens information", caseId: null, proposal: [] as string[] },
  ];
  const decisions = [
    { id: uuid(5211), agendaItemId: uuid(5201), paragraph: 1, decisionPoints: ["Anmälan av delegationsbeslut godkänns."], motions: [] },
    {
      id: uuid(5212),
      agendaItemId: uuid(5202),
      paragraph: 2,
      decisionPoints: proposal,
      motions: [
        { party: "S", member: "Maria Lindqvist", text: "Bifall till förvaltningens förslag." },
        { party: "M", member: "Erik Sandberg", text: "Bifall till förvaltningens förslag." },
      ],
    },
    { id: uuid(5213), agendaItemId: uuid(5203), paragraph: 3, decisionPoints: ["Informationen noteras."], motions: [] },
  ];
  for (const item of items) await tx.agendaItem.create({ data: { ...item, meetingId: DEMO_MEETING_2024_ID } });
  for (const decision of decisions) {
    await tx.decision.create({
      data: { ...decision, committeeId: "has", year: 2024, kind: "AS_PROPOSED", createdById: actor.id, createdAt: stockholmDateTimeToInstant("2024-04-25", "18:30") },
    });
  }
  // Gap-free per committee and year: the demo's 2024 numbers are § 1–3.
  await tx.paragraphCounter.upsert({
    where: { committeeId_year: { committeeId: "has", year: 2024 } },
    create: { committeeId: "has", year: 2024, lastValue: 3 },
    update: { lastValue: 3 },
  });
  const absent = uuid(5008);
  for (const member of DEMO_MEMBERS) {
    const present = member.role === "DEPUTY" ? member.id === uuid(5010) : member.id !== absent;
    await tx.meetingAttendance.create({ data: { meetingId: DEMO_MEETING_2024_ID, memberId: member.id, present, serving: member.id === uuid(5010) } });
  }
  await tx.minutes.create({ data: { id: MINUTES_ID, meetingId: DEMO_MEETING_2024_ID, chairId: userId("ordforande"), checkerId: userId("justerare") } });
  // Sent for justering by the secretary, who signs "Vid protokollet" (part of the justerade content).
  const content = await buildMinutesContent(tx, DEMO_MEETING_2024_ID, { secretary: { id: actor.id, name: actor.name } });
  if (!content) throw new Error("Demo minutes content missing");
  const contentHash = hashMinutesContent(content, CURRENT_HASH_SCHEME);
  const approvedAt = new Date("2024-04-29T08:30:00.000Z");
  await tx.minutes.update({
    where: { id: MINUTES_ID },
    data: { status: "APPROVED", contentHash, content: content as unknown as Prisma.InputJsonValue, approvedAt, postedDate: isoDateToDb("2024-04-29"), appealEndsOn: isoDateToDb("2024-05-20"), version: 2 },
  });
  const approver = (username: string) => DEMO_USERS.find((user) => user.username === username)!;
  await tx.attestationRequest.create({
    data: {
      id: REQUEST_ID,
      subjectType: "MINUTES",
      subjectId: MINUTES_ID,
      versionNumber: 2,
      contentHash,
      hashScheme: CURRENT_HASH_SCHEME,
      order: "PARALLEL",
      status: "COMPLETED",
      verificationCode: "PROT-HAS2-0425",
      requestedById: actor.id,
      completedAt: approvedAt,
      steps: {
        create: (["ordforande", "justerare"] as const).map((username, index) => ({
          id: uuid(5402 + index),
          position: index + 1,
          assigneeId: userId(username),
          role: index === 0 ? ("CHAIR" as const) : ("MINUTES_CHECKER" as const),
          status: "ATTESTED" as const,
          attestedAt: new Date(approvedAt.getTime() - (1 - index) * 3_600_000),
          attesterName: approver(username).name,
          attesterTitle: approver(username).title,
          authMethod: "Lösenord (inloggning)",
          attestedHash: contentHash,
        })),
      },
    },
  });
  // The attestation engine's audit events, so that /verifiera and getAttestationState accept the justering.
  for (const step of await tx.attestationStep.findMany({ where: { requestId: REQUEST_ID }, orderBy: { position: "asc" } })) {
    await recordAudit(tx, { actorId: step.assigneeId, action: ATTEST_ACTION, entityType: STEP_ENTITY, entityId: step.id, data: { ...attestAuditData(step), subjectType: "MINUTES", minutesId: MINUTES_ID } });
  }
  await tx.unionConsultation.upsert({
    where: { id: uuid(5501) },
    create: { id: uuid(5501), caseId: theCase.id, forum: "förvaltningsgrupp", date: isoDateToDb("2024-04-16"), createdById: userId("clas.cederlid") },
    update: {},
  });

  const history: { action: TAuditAction; entityType: string; entityId: string; data: Record<string, string | boolean | null> }[] = [
    { action: "agenda.add_case", entityType: "AgendaItem", entityId: uuid(5202), data: { meetingDate: "2024-04-25", committee: "HÄS" } },
    { action: "decision.record", entityType: "Decision", entityId: uuid(5212), data: { paragraph: "§ 2/2024", kind: "AS_PROPOSED", label: "Bifall till förvaltningens förslag", meetingDate: "2024-04-25" } },
    { action: "minutes.paragraph_approved", entityType: "Decision", entityId: uuid(5212), data: { paragraph: "§ 2/2024", postedDate: "2024-04-29", appealEndsOn: "2024-05-20" } },
  ];
  for (const event of history) await recordAudit(tx, { actorId: actor.id, caseId: theCase.id, ...event });

  if (theCase.status === "OPEN") {
    const document = await createCaseDocumentInTx(tx, {
      actorId: actor.id,
      caseId: theCase.id,
      direction: "OUTGOING",
      documentDate: isoDateToDb("2024-04-30"),
      counterpart: "Kommunstyrelsen",
      description: extractDescription({ shortName: "HÄS", paragraph: 2, year: 2024, meetingDate: "2024-04-25", title: theCase.title, includeStatement: true }),
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
      data: { paragraph: "§ 2/2024", recipients: ["Kommunstyrelsen"], sentDate: "2024-04-30", documents: [document.documentNumber] },
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
export const seedDemoMeetings = async (tx: Tx): Promise<{ meetingsCreated: boolean }> => {
  await upsertMembers(tx);
  const created = await seedReferenceMeeting(tx);
  await seedPlannedMeeting(tx);
  return { meetingsCreated: created };
};
