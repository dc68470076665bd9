// Shared setup of the meetings integration tests: the demo organisation, extra users
// (another committee's secretary, a chair who is not named on the minutes), cases with an
// attested statement written straight to the tables, and helpers for meetings ahead in time.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import { loadActor, type Actor } from "@/server/auth/actor";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { seedDemoData } from "@/server/seed/demo";
import { createMeeting, callMeeting } from "@/features/meetings/server/meeting-service";
import { addCaseToAgenda } from "@/features/meetings/server/agenda-service";

export const PROPOSAL = "Hägersten-Älvsjö stadsdelsnämnd godkänner förvaltningens tjänsteutlåtande och överlämnar det till kommunstyrelsen som svar på remissen.";

/** A fresh sign-in (no re-authentication needed) unless `authTime` says otherwise. */
export const actorFor = async (db: Db, username: string, authTime = Math.floor(Date.now() / 1000)): Promise<Actor> => {
  const user = await db.user.findUniqueOrThrow({ where: { username } });
  const actor = await loadActor({ userId: user.id, sessionVersion: user.sessionVersion, authTime });
  if (!actor) throw new Error(`No actor for ${username}`);
  return actor;
};

export const expectAppError = async (promise: Promise<unknown>, code: AppError["code"], message?: RegExp): Promise<AppError> => {
  const error = await promise.then(
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
  await addUser(db, "sos.sekreterare", "Sara Söder", "COMMITTEE_SECRETARY", { committeeId: "sos" });
  await addUser(db, "annan.ordforande", "Olle Annan", "CHAIR", { committeeId: "has" });
  await addUser(db, "sos.handlaggare", "Siv Söder", "CASE_OFFICER", { departmentId: "sos-sos" });
  const series = await db.registrySeries.findUnique({ where: { committeeId: "has" } });
  if (!series) throw new Error("Demo seed has no series for has");
  await db.committeeMember.createMany({
    data: [
      { committeeId: "has", name: "Maria Lindqvist", party: "S", role: "CHAIR", userId: (await db.user.findUniqueOrThrow({ where: { username: "ordforande" } })).id, email: "maria@example.org" },
      { committeeId: "has", name: "Anders Berglund", party: "M", role: "MEMBER", userId: (await db.user.findUniqueOrThrow({ where: { username: "justerare" } })).id },
      { committeeId: "has", name: "Leila Haddad", party: "V", role: "MEMBER", email: "leila@example.org" },
      { committeeId: "has", name: "Per Ersättare", party: "MP", role: "DEPUTY" },
      { committeeId: "sos", name: "Sven Söder", party: "S", role: "CHAIR" },
    ],
  });
};

let caseSequence = 1000;

/** A case with a statement whose current version is attested (status ATTESTED and a completed request with the same hash). */
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
  const template =
    (await db.statementTemplate.findFirst({ where: { municipalityId: "stockholm" } })) ??
    (await db.statementTemplate.create({ data: { municipalityId: "stockholm", key: "test", name: "Test", version: 1, definition: {} } }));
  const contentHash = randomUUID().replaceAll("-", "").padEnd(64, "0");
  const statement = await db.statement.create({
    data: {
      caseId: created.id,
      templateId: template.id,
      status: attested ? "ATTESTED" : "DRAFT",
      currentVersion: 1,
      createdById: officerUser.id,
      versions: { create: { number: 1, content: { decisionPoints: [{ text: PROPOSAL }] }, contentHash, authorId: officerUser.id } },
    },
  });
  if (attested) {
    await db.attestationRequest.create({
      data: {
        subjectType: "STATEMENT",
        subjectId: statement.id,
        caseId: created.id,
        versionNumber: 1,
        contentHash,
        status: "COMPLETED",
        completedAt: new Date(),
        verificationCode: randomUUID().slice(0, 14).toUpperCase(),
        requestedById: officerUser.id,
      },
    });
  }
  return { id: created.id, caseNumber: created.caseNumber };
};

/** "YYYY-MM-DD" n days from now. */
export const daysAhead = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export const createFutureMeeting = async (db: Db, secretary: Actor, { committeeId = "has", date = daysAhead(30), time = "18:00" } = {}) => {
  const { id } = await createMeeting({ actor: secretary, input: { committeeId, date, time, place: "Sammanträdesrummet, Svandammsvägen 18" } });
  return id;
};

/** A called meeting with one attested case on its agenda. */
export const calledMeetingWithCase = async (db: Db, secretary: Actor, options: { date?: string } = {}) => {
  const meetingId = await createFutureMeeting(db, secretary, options);
  const theCase = await createCase(db);
  const { id: itemId } = await addCaseToAgenda({ actor: secretary, input: { meetingId, caseId: theCase.id } });
  const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  await callMeeting({ actor: secretary, input: { meetingId, version: meeting.version } });
  return { meetingId, itemId, caseId: theCase.id, caseNumber: theCase.caseNumber };
};
