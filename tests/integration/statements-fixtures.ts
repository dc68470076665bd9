// Shared setup of the statement integration tests: the demo organisation, two extra
// handläggare (a colleague in the same department, one in another administration) and
// cases created directly with Prisma (independent of the case registration service).
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { loadActor, type Actor } from "@/server/auth/actor";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { seedDemoData } from "../../scripts/seed/demo";

let seriesId = "series-has";

export const setupOrganisation = async (db: Db): Promise<void> => {
  await seedDemoData({ nodeEnv: "test", force: false });
  await db.user.createMany({
    data: [
      { id: "00000000-0000-7000-8000-00000000a001", username: "kollega", name: "Kim Kollega", title: "Utredare" },
      { id: "00000000-0000-7000-8000-00000000a002", username: "sos.handlaggare", name: "Sam Södermalm", title: "Utredare" },
    ],
  });
  await db.membership.createMany({
    data: [
      { userId: "00000000-0000-7000-8000-00000000a001", role: "CASE_OFFICER", departmentId: "has-sos" },
      { userId: "00000000-0000-7000-8000-00000000a002", role: "CASE_OFFICER", departmentId: "sos-sos" },
    ],
  });
  // The demo seed may already have created the committee's series (it seeds demo cases).
  const series = await db.registrySeries.findUnique({ where: { committeeId: "has" } });
  seriesId = series?.id ?? (await db.registrySeries.create({ data: { id: "series-has", committeeId: "has", name: "Diarium HÄS", format: "{prefix} {year}/{seq}", prefix: "HÄS" } })).id;
};

export const actorFor = async (db: Db, username: string): Promise<Actor> => {
  const user = await db.user.findUniqueOrThrow({ where: { username } });
  const actor = await loadActor({ userId: user.id, sessionVersion: user.sessionVersion, authTime: 1 });
  if (!actor) throw new Error(`No actor for ${username}`);
  return actor;
};

let sequence = 0;

/** A motion remiss like the reference case, handled by clas.cederlid unless told otherwise. */
export const createCase = async (db: Db, options: { id?: string; caseOfficer?: string; title?: string } = {}): Promise<{ caseId: string; documentIds: string[] }> => {
  sequence += 1;
  const officer = await db.user.findUniqueOrThrow({ where: { username: options.caseOfficer ?? "clas.cederlid" } });
  const registrar = await db.user.findUniqueOrThrow({ where: { username: "registrator" } });
  const caseId = options.id ?? randomUUID();
  await db.case.create({
    data: {
      id: caseId,
      // Year 1999: never collides with the demo cases' numbers.
      caseNumber: `HÄS 1999/${sequence}`,
      seriesId,
      year: 1999,
      sequence,
      title: options.title ?? "Stoppa de öppna drogscenerna – motion från (M)",
      kind: "MOTION_REFERRAL",
      committeeId: "has",
      departmentId: "has-sos",
      caseOfficerId: officer.id,
      referringBody: "Kommunstyrelsen",
      referringCaseNumber: "KS 2024/312",
      receivedDate: new Date("2024-02-12"),
      lastDocumentNumber: 2,
      createdById: registrar.id,
      motion: {
        create: {
          number: "2024:12",
          title: "Motion (2024:12) av Andréa Hedin (M) om att stoppa de öppna drogscenerna",
          raisedDate: new Date("2024-01-24"),
          authors: { create: [{ position: 1, name: "Andréa Hedin", party: "M" }] },
          proposals: { create: [{ position: 1, text: "Stockholms stad utreder och sätter in insatser vid varje öppen drogscen som har en skola inom en radie av 500 meter." }] },
        },
      },
      documents: {
        create: [
          { number: 1, direction: "INCOMING", documentDate: new Date("2024-02-12"), counterpart: "Kommunstyrelsen", description: "Remissunderlag Motion Stoppa de öppna drogscenerna", createdById: registrar.id },
          { number: 2, direction: "INCOMING", documentDate: new Date("2024-02-12"), counterpart: "Kommunstyrelsen", description: "Motion 2024:12", createdById: registrar.id },
        ],
      },
    },
  });
  const documents = await db.caseDocument.findMany({ where: { caseId }, orderBy: { number: "asc" }, select: { id: true } });
  return { caseId, documentIds: documents.map((document) => document.id) };
};

/** Expects the promise to fail with an AppError of the given code. */
export const expectAppError = async (call: Promise<unknown> | (() => Promise<unknown>), code: AppError["code"]): Promise<AppError> => {
  // A call is run here, so that an input its schema refuses (thrown before the service runs) is caught too.
  const error = await (typeof call === "function" ? Promise.resolve().then(call) : call).then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
};
