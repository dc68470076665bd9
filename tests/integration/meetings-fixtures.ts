// Shared setup of the meetings integration tests: the demo organisation, extra users
// (another committee's secretary, a chair who is not named on the minutes), cases with a
// statement attested through the attestation service, and helpers for meetings ahead in time
// and for meetings that have started (planned and called a month before them).
import { expect } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import { loadActor, type Actor } from "@/server/auth/actor";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { seedDemoData } from "../../scripts/seed/demo";
import { createMeeting, callMeeting, setAttendance } from "@/features/meetings/server/meeting-service";
import { recordDecision } from "@/features/meetings/server/decision-service";
import { saveMinutes, sendMinutesForApproval } from "@/features/meetings/server/minutes-service";
import { stockholmDateTimeToInstant } from "@/features/meetings/dates";
import { addCaseToAgenda } from "@/features/meetings/server/agenda-service";
import { contentHashOf } from "@/features/attestation/content";
import { attestStep, sendStatementForAttestation } from "@/features/attestation/server/attestation-service";
import { defaultAttesters, eligibleAttesters } from "@/features/attestation/server/attesters";
import { CASE_SCOPE_SELECT, toCaseScope } from "@/server/authz";
import { DEFAULT_TEMPLATE_DEFINITION } from "@/features/statements/content";
import { doc, paragraph } from "@/features/statements/rich-text";
import type { TStatementContent } from "@/features/statements/schemas";
import { CASE_ORGANISATION_SELECT, parseTemplateDefinition, withCurrentOrganisation } from "@/features/statements/server";
import { ensureDefaultTemplate } from "@/features/statements/server/templates";
import { ZAddCaseToAgendaSchema, ZAttendanceSchema, ZCreateMeetingSchema, ZMeetingVersionSchema, ZRecordDecisionSchema } from "@/features/meetings/schemas";
import { parseInput } from "@/server/validation";

export const PROPOSAL = "Hägersten-Älvsjö stadsdelsnämnd godkänner förvaltningens tjänsteutlåtande och överlämnar det till kommunstyrelsen som svar på remissen.";

/** A fresh sign-in (no re-authentication needed) unless `authTime` says otherwise. */
export const actorFor = async (db: Db, username: string, authTime = Math.floor(Date.now() / 1000)): Promise<Actor> => {
  const user = await db.user.findUniqueOrThrow({ where: { username } });
  // A user an administrator created acts once they have chosen their own password (/byt-losenord).
  if (user.passwordChangeRequired) await db.user.update({ where: { id: user.id }, data: { passwordChangeRequired: false } });
  const actor = await loadActor({ userId: user.id, sessionVersion: user.sessionVersion, authTime });
  if (!actor) throw new Error(`No actor for ${username}`);
  return actor;
};

export const expectAppError = async (call: Promise<unknown> | (() => Promise<unknown>), code: AppError["code"], message?: RegExp): Promise<AppError> => {
  // A call is run here, so that an input its schema refuses (thrown before the service runs) is caught too.
  const error = await (typeof call === "function" ? Promise.resolve().then(call) : call).then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).userMessage).toMatch(message);
  return error as AppError;
};

const addUser = async (db: Db, username: string, name: string, role: Role, unit: { committeeId?: string; departmentId?: string }) => {
  await db.user.create({ data: { username, name, email: `${username}@yttra.example`, memberships: { create: { role, ...unit } } } });
};

export const setupMeetingsWorld = async (db: Db) => {
  await seedDemoData({ nodeEnv: "test", force: false });
  // These tests number the agenda from the items they add; the committees' standard opening
  // items (which the demo committees have) are tested on their own (meetings-opening-items).
  await db.committee.updateMany({ data: { openingItems: [] } });
  await addUser(db, "sos.sekreterare", "Sara Söder", "COMMITTEE_SECRETARY", { committeeId: "sos" });
  await addUser(db, "annan.ordforande", "Olle Annan", "CHAIR", { committeeId: "has" });
  await addUser(db, "sos.handlaggare", "Siv Söder", "CASE_OFFICER", { departmentId: "sos-sos" });
  const series = await db.registrySeries.findUnique({ where: { committeeId: "has" } });
  if (!series) throw new Error("Demo seed has no series for has");
  const termStart = new Date("2023-01-01T00:00:00Z");
  await db.committeeMember.createMany({
    data: [
      { committeeId: "has", name: "Maria Lindqvist", party: "S", role: "CHAIR", userId: (await db.user.findUniqueOrThrow({ where: { username: "ordforande" } })).id, email: "maria@example.org", termStart },
      { committeeId: "has", name: "Anders Berglund", party: "M", role: "MEMBER", userId: (await db.user.findUniqueOrThrow({ where: { username: "justerare" } })).id, termStart },
      { committeeId: "has", name: "Leila Haddad", party: "V", role: "MEMBER", email: "leila@example.org", termStart },
      { committeeId: "has", name: "Per Ersättare", party: "MP", role: "DEPUTY", termStart },
      { committeeId: "sos", name: "Sven Söder", party: "S", role: "CHAIR", termStart },
    ],
  });
};

let caseSequence = 1000;

/** A complete statement (every section of the default template filled in) proposing PROPOSAL. */
const statementContent = (caseNumber: string, title: string, officerName: string): TStatementContent => ({
  format: 1,
  header: { caseNumber, caseOfficerName: officerName, caseOfficerPhone: "08-508 233 26", committeeName: "Hägersten-Älvsjö stadsdelsnämnd", meetingDate: null, title, subtitle: "Yttrande till kommunstyrelsen" },
  decisionPoints: [{ text: PROPOSAL }],
  sections: DEFAULT_TEMPLATE_DEFINITION.sections.filter((section) => section.kind === "RICH_TEXT").map((section) => ({ key: section.key, body: doc(paragraph(`${section.heading}: förvaltningens text.`)) })),
  attachments: [],
  signatories: [],
});

/** The case's attesters; a department without an avdelningschef gets one (SÖS in these tests). */
const attestersFor = async (db: Db, caseId: string): Promise<string[]> => {
  const scope = toCaseScope(await db.case.findUniqueOrThrow({ where: { id: caseId }, select: CASE_SCOPE_SELECT }));
  const found = defaultAttesters(await eligibleAttesters(db, scope));
  if (found.length > 0) return found.map((attester) => attester.userId);
  const username = `${scope.departmentId}.chef`;
  const head = await db.user.upsert({
    where: { username },
    create: { username, name: `Avdelningschef ${scope.departmentId}`, memberships: { create: { role: "DEPARTMENT_HEAD", departmentId: scope.departmentId } } },
    update: {},
  });
  return [head.id];
};

/**
 * A case with a tjänsteutlåtande. `attested`: sent and attested through the attestation
 * service, so the statement counts as attested exactly as in production.
 */
export const createCase = async (
  db: Db,
  { committeeId = "has", departmentId = "has-sos", title = "Testärende om trygghet", attested = true, officer = "clas.cederlid" } = {},
): Promise<{ id: string; caseNumber: string }> => {
  const series = await db.registrySeries.findUniqueOrThrow({ where: { committeeId } });
  const officerUser = await db.user.findUniqueOrThrow({ where: { username: officer } });
  caseSequence += 1;
  const created = await db.case.create({
    data: {
      caseNumber: `${series.prefix} 2099/${caseSequence}`,
      seriesId: series.id,
      year: 2099,
      sequence: caseSequence,
      title,
      kind: "MOTION_REFERRAL",
      committeeId,
      departmentId,
      caseOfficerId: officerUser.id,
      referringBody: "Kommunstyrelsen",
      receivedDate: new Date("2026-01-10T00:00:00Z"),
      createdById: officerUser.id,
      deadlines: {
        create: [
          { kind: "MOTION_ONE_YEAR", dueDate: new Date("2027-01-10T00:00:00Z"), description: "Motionen ska besvaras inom ett år" },
          { kind: "REFERRAL_DUE", dueDate: new Date("2027-03-01T00:00:00Z"), description: "Remisstid" },
        ],
      },
    },
  });
  const template = await db.$transaction((tx) => ensureDefaultTemplate(tx, "stockholm"));
  // Written today: the letterhead and signers are the organisation's now, as sending would resolve them (so version 1 is the one sent).
  const attesterIds = attested ? await attestersFor(db, created.id) : [];
  const organisation = await db.case.findUniqueOrThrow({ where: { id: created.id }, select: CASE_ORGANISATION_SELECT });
  const content = await withCurrentOrganisation(db, statementContent(created.caseNumber, title, officerUser.name), organisation, parseTemplateDefinition(template.definition));
  await db.statement.create({
    data: {
      caseId: created.id,
      templateId: template.id,
      currentVersion: 1,
      createdById: officerUser.id,
      versions: { create: { number: 1, content, contentHash: contentHashOf(content, 1), authorId: officerUser.id } },
    },
  });
  if (attested) {
    await sendStatementForAttestation({ actor: await actorFor(db, officer), input: { caseId: created.id, order: "SEQUENTIAL", attesterIds, versionNumber: 1 } });
    const request = await db.attestationRequest.findFirstOrThrow({ where: { caseId: created.id }, include: { steps: { orderBy: { position: "asc" }, include: { assignee: true } } } });
    for (const step of request.steps) {
      await attestStep({ actor: await actorFor(db, step.assignee.username), input: { stepId: step.id, contentHash: request.contentHash } });
    }
  }
  return { id: created.id, caseNumber: created.caseNumber };
};

/** "YYYY-MM-DD" n days from now. */
export const daysAhead = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export const createFutureMeeting = async (db: Db, secretary: Actor, { committeeId = "has", date = daysAhead(30), time = "18:00" } = {}) => {
  const { id } = await createMeeting({ actor: secretary, input: parseInput(ZCreateMeetingSchema, { committeeId, date, time, place: "Sammanträdesrummet, Svandammsvägen 18" }) });
  return id;
};

/** When the secretary of these tests plans a meeting and sends its kallelse: a month before it. */
const monthBefore = (startsAt: Date): Date => new Date(startsAt.getTime() - 30 * 86_400_000);

/**
 * A meeting planned a month before its date, by default two days ago: once it is called,
 * decisions, minutes and justering may follow now, as after a real meeting.
 */
export const planMeeting = async (db: Db, secretary: Actor, { committeeId = "has", date = daysAhead(-2), time = "18:00", place = "Sammanträdesrummet, Svandammsvägen 18" } = {}) => {
  const input = { committeeId, date, time, place };
  const { id } = await createMeeting({ actor: secretary, input: parseInput(ZCreateMeetingSchema, input), now: monthBefore(stockholmDateTimeToInstant(date, time)) });
  return id;
};

/** Sends the kallelse of a meeting as the secretary did a month before it. */
export const sendKallelse = async (db: Db, secretary: Actor, meetingId: string) => {
  const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  await callMeeting({ actor: secretary, input: parseInput(ZMeetingVersionSchema, { meetingId, version: meeting.version }), now: monthBefore(meeting.startsAt) });
};

/** A called meeting with one attested case on its agenda; by default it started two days ago. */
export const calledMeetingWithCase = async (db: Db, secretary: Actor, options: { date?: string; time?: string } = {}) => {
  const meetingId = await planMeeting(db, secretary, options);
  const theCase = await createCase(db);
  const { id: itemId } = await addCaseToAgenda({ actor: secretary, input: parseInput(ZAddCaseToAgendaSchema, { meetingId, caseId: theCase.id }) });
  await sendKallelse(db, secretary, meetingId);
  return { meetingId, itemId, caseId: theCase.id, caseNumber: theCase.caseNumber };
};

/** A held meeting with its one case decided, every member present (no ersättare serving) and the minutes out for justering. */
export const minutesInApproval = async (db: Db, { secretary, chair, checker }: { secretary: Actor; chair: Actor; checker: Actor }) => {
  const world = await calledMeetingWithCase(db, secretary);
  const { id: decisionId } = await recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId: world.meetingId, agendaItemId: world.itemId, kind: "AS_PROPOSED" }) });
  const members = await db.committeeMember.findMany({ where: { committeeId: "has" } });
  await setAttendance({ actor: secretary, input: parseInput(ZAttendanceSchema, { meetingId: world.meetingId, entries: members.map((member) => ({ memberId: member.id, present: true, serving: false })) }) });
  const { id: minutesId } = await saveMinutes({ actor: secretary, input: { meetingId: world.meetingId, chairId: chair.id, checkerId: checker.id } });
  const { version } = await db.minutes.findUniqueOrThrow({ where: { id: minutesId } });
  const { contentHash } = await sendMinutesForApproval({ actor: secretary, input: { minutesId, version } });
  return { ...world, decisionId, minutesId, contentHash };
};

/** The meetings world and the three people of a meeting's paperwork: sekreterare, ordförande, justerare. */
export const setupMeetingsWorldWithActors = async (db: Db) => {
  await setupMeetingsWorld(db);
  return { secretary: await actorFor(db, "sekreterare"), chair: await actorFor(db, "ordforande"), checker: await actorFor(db, "justerare") };
};
