import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { closeCase, markCaseMisregistered, reassignCase } from "@/features/cases/server/case-lifecycle";
import { getCaseDetails } from "@/features/cases/server/case-queries";
import { registerCase } from "@/features/cases/server/register-case";
import { loadActor, type Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { DEMO_CASES, REFERENCE_CASE_ID } from "../../scripts/seed/demo-cases";
import { DEMO_USERS } from "../../scripts/seed/demo-organisation";
import { seedDemoData } from "../../scripts/seed/demo";
import { createTestDatabase } from "../support/database";
import { ZCloseCaseSchema, ZMarkMisregisteredSchema, ZReassignCaseSchema, ZRegisterCaseSchema } from "@/features/cases/schemas";
import { parseInput } from "@/server/validation";

const { db } = await createTestDatabase();

const demoId = (username: string) => DEMO_USERS.find((user) => user.username === username)!.id;
const actorOf = async (userId: string): Promise<Actor> => (await loadActor({ userId, sessionVersion: 1, authTime: 1 }))!;
const CONFIDENTIAL_CASE_ID = DEMO_CASES.find((demo) => demo.input.confidentiality)!.id;

let registrar: Actor;
let clas: Actor;
let chair: Actor;
let departmentHead: Actor;
let colleague: Actor;
let sosRegistrar: Actor;
let ifoOfficer: Actor;

const createUser = async (username: string, name: string, membership: Record<string, string>) =>
  db.user.create({ data: { username, name, memberships: { create: [membership as never] } } });

beforeAll(async () => {
  await seedDemoData({ nodeEnv: "test", force: false });
  registrar = await actorOf(demoId("registrator"));
  clas = await actorOf(demoId("clas.cederlid"));
  chair = await actorOf(demoId("ordforande"));
  departmentHead = await actorOf(demoId("linda.palo"));
  colleague = await actorOf((await createUser("eva.holm", "Eva Holm", { role: "CASE_OFFICER", departmentId: "has-sos" })).id);
  sosRegistrar = await actorOf((await createUser("sos.registrator", "Sös Registrator", { role: "REGISTRAR", committeeId: "sos" })).id);
  ifoOfficer = await actorOf((await createUser("ifo.handlaggare", "Ifo Handläggare", { role: "CASE_OFFICER", departmentId: "has-ifo" })).id);
});

/** A fresh open case of Clas Cederlid in has-sos, with a remisstid. */
const newCase = () =>
  registerCase({
    actor: registrar,
    input: parseInput(ZRegisterCaseSchema, {
      idempotencyKey: randomUUID(),
      title: "Remiss om parkeringsnorm för Älvsjö",
      kind: "AGENCY_REFERRAL",
      committeeId: "has",
      departmentId: "has-sos",
      caseOfficerId: clas.id,
      referringBody: "Trafikkontoret",
      receivedDate: "2026-01-12",
      dueDate: "2026-03-01",
    }),
  });

const caughtError = async (call: Promise<unknown> | (() => Promise<unknown>)): Promise<AppError> => {
  try {
    await (typeof call === "function" ? call() : call);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to be refused");
};

const stateOf = async (caseId: string) => ({
  row: await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { status: true, version: true, caseOfficerId: true, closedReason: true } }),
  events: await db.auditEvent.count({ where: { caseId } }),
  openDeadlines: await db.deadline.count({ where: { caseId, completedAt: null } }),
});

describe("reading a case", () => {
  it("shows the reference case with its motion, deadlines and history in Swedish", async () => {
    const details = await getCaseDetails({ actor: clas, caseId: REFERENCE_CASE_ID });
    expect(details).toMatchObject({ caseNumber: "HÄS 2024/1", referringCaseNumber: "KS 2024/312", receivedDate: "2024-02-12", dueDate: "2024-05-03" });
    expect(details.motion?.authors).toEqual([{ name: "Andréa Hedin", party: "M" }]);
    expect(details.openDeadlines.map((deadline) => deadline.kind)).toEqual(["REFERRAL_DUE", "MOTION_ONE_YEAR"]);
    expect(details.events.map((event) => event.text)).toEqual(["Ärendet registrerades av Johan Ek", "Handling HÄS 2024/1-1 registrerades"]);
    expect(details.permissions).toEqual({ reassign: false, close: true, misregister: false, editMotion: true });
  });

  it("hides a case from users of another committee or department, as if it did not exist", async () => {
    for (const actor of [sosRegistrar, ifoOfficer]) {
      expect((await caughtError(getCaseDetails({ actor, caseId: REFERENCE_CASE_ID }))).code).toBe("NOT_FOUND");
    }
    expect((await caughtError(getCaseDetails({ actor: registrar, caseId: randomUUID() }))).code).toBe("NOT_FOUND");
    expect((await caughtError(getCaseDetails({ actor: registrar, caseId: "not-a-uuid" }))).code).toBe("NOT_FOUND");
  });

  it("shows a confidential case and its OSL marking only to those who work it", async () => {
    const details = await getCaseDetails({ actor: registrar, caseId: CONFIDENTIAL_CASE_ID });
    expect(details.secrecy).toMatchObject({ reference: "26 kap. 1 § OSL", decidedBy: "Johan Ek" });
    expect((await getCaseDetails({ actor: clas, caseId: CONFIDENTIAL_CASE_ID })).secrecy?.reference).toBe("26 kap. 1 § OSL");
    for (const actor of [chair, colleague]) {
      expect((await caughtError(getCaseDetails({ actor, caseId: CONFIDENTIAL_CASE_ID }))).code).toBe("NOT_FOUND");
    }
  });
});

describe("reassigning the handläggare", () => {
  it("lets the registrator hand the case to another handläggare of the department and records it", async () => {
    const { id } = await newCase();
    await reassignCase({ actor: registrar, input: parseInput(ZReassignCaseSchema, { caseId: id, version: 1, caseOfficerId: colleague.id }) });
    const details = await getCaseDetails({ actor: registrar, caseId: id });
    expect(details).toMatchObject({ version: 2, caseOfficer: { id: colleague.id } });
    expect(details.events.at(-1)?.text).toBe("Handläggare ändrad till Eva Holm");
  });

  it("refuses the handläggare themself, other committees and other departments, changing nothing", async () => {
    const { id } = await newCase();
    const before = await stateOf(id);
    expect((await caughtError(() => reassignCase({ actor: clas, input: parseInput(ZReassignCaseSchema, { caseId: id, version: 1, caseOfficerId: colleague.id }) }))).code).toBe("FORBIDDEN");
    for (const actor of [sosRegistrar, ifoOfficer]) {
      expect((await caughtError(() => reassignCase({ actor, input: parseInput(ZReassignCaseSchema, { caseId: id, version: 1, caseOfficerId: colleague.id }) }))).code).toBe("NOT_FOUND");
    }
    expect(await stateOf(id)).toEqual(before);
  });

  it("refuses a new handläggare from another department", async () => {
    const { id } = await newCase();
    const error = await caughtError(() => reassignCase({ actor: departmentHead, input: parseInput(ZReassignCaseSchema, { caseId: id, version: 1, caseOfficerId: ifoOfficer.id }) }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors?.caseOfficerId).toBeDefined();
  });

  it("reports a conflict instead of overwriting a change made by someone else", async () => {
    const { id } = await newCase();
    await reassignCase({ actor: registrar, input: parseInput(ZReassignCaseSchema, { caseId: id, version: 1, caseOfficerId: colleague.id }) });
    const before = await stateOf(id);
    const error = await caughtError(() => reassignCase({ actor: departmentHead, input: parseInput(ZReassignCaseSchema, { caseId: id, version: 1, caseOfficerId: clas.id }) }));
    expect(error.code).toBe("CONFLICT");
    expect(error.userMessage).toMatch(/^Ärendet har ändrats av någon annan/);
    expect(await stateOf(id)).toEqual(before);
  });
});

describe("closing a case", () => {
  it("closes with a reason, completes the open deadlines and records the reason in the history", async () => {
    const { id } = await newCase();
    await closeCase({ actor: clas, input: parseInput(ZCloseCaseSchema, { caseId: id, version: 1, reason: "Remissen besvarad genom nämndens beslut 2026-02-20, § 9." }) });
    const state = await stateOf(id);
    expect(state).toMatchObject({ row: { status: "CLOSED", version: 2 }, openDeadlines: 0 });
    const details = await getCaseDetails({ actor: clas, caseId: id });
    expect(details.events.at(-1)?.text).toBe("Ärendet avslutades: Remissen besvarad genom nämndens beslut 2026-02-20, § 9.");
    expect(details.permissions).toEqual({ reassign: false, close: false, misregister: false, editMotion: false });
    expect((await caughtError(() => closeCase({ actor: clas, input: parseInput(ZCloseCaseSchema, { caseId: id, version: 2, reason: "Igen" }) }))).code).toBe("INVALID_STATE");
  });

  it("refuses members without the right, other committees and other departments, changing nothing", async () => {
    const { id } = await newCase();
    const before = await stateOf(id);
    expect((await caughtError(() => closeCase({ actor: chair, input: parseInput(ZCloseCaseSchema, { caseId: id, version: 1, reason: "Klart" }) }))).code).toBe("FORBIDDEN");
    expect((await caughtError(() => closeCase({ actor: colleague, input: parseInput(ZCloseCaseSchema, { caseId: id, version: 1, reason: "Klart" }) }))).code).toBe("FORBIDDEN");
    for (const actor of [sosRegistrar, ifoOfficer]) {
      expect((await caughtError(() => closeCase({ actor, input: parseInput(ZCloseCaseSchema, { caseId: id, version: 1, reason: "Klart" }) }))).code).toBe("NOT_FOUND");
    }
    expect(await stateOf(id)).toEqual(before);
  });

  it("lets exactly one of two simultaneous closings win", async () => {
    const { id } = await newCase();
    const results = await Promise.allSettled([
      closeCase({ actor: clas, input: parseInput(ZCloseCaseSchema, { caseId: id, version: 1, reason: "Första" }) }),
      closeCase({ actor: registrar, input: parseInput(ZCloseCaseSchema, { caseId: id, version: 1, reason: "Andra" }) }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as AppError).code).toBe("CONFLICT");
    expect(await db.auditEvent.count({ where: { caseId: id, action: "case.close" } })).toBe(1);
  });

  it("leaves neither the change nor its audit event when the write fails half-way", async () => {
    const { id } = await newCase();
    await db.$executeRawUnsafe(`CREATE FUNCTION test_fail_deadline() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'test: deadline update fails'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER test_fail_deadline BEFORE UPDATE ON deadline FOR EACH ROW EXECUTE FUNCTION test_fail_deadline()`);
    try {
      const before = await stateOf(id);
      await expect(() => closeCase({ actor: clas, input: parseInput(ZCloseCaseSchema, { caseId: id, version: 1, reason: "Klart" }) })).rejects.toThrow(/test: deadline update fails/);
      expect(await stateOf(id)).toEqual(before);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER test_fail_deadline ON deadline`);
      await db.$executeRawUnsafe(`DROP FUNCTION test_fail_deadline()`);
    }
  });
});

describe("marking a case felregistrerat", () => {
  it("is the registrator's: the case keeps its number and leaves the work lists", async () => {
    const { id, caseNumber } = await newCase();
    const before = await stateOf(id);
    for (const actor of [clas, departmentHead]) {
      expect((await caughtError(() => markCaseMisregistered({ actor, input: parseInput(ZMarkMisregisteredSchema, { caseId: id, version: 1, reason: "Fel nämnd" }) }))).code).toBe("FORBIDDEN");
    }
    expect((await caughtError(() => markCaseMisregistered({ actor: sosRegistrar, input: parseInput(ZMarkMisregisteredSchema, { caseId: id, version: 1, reason: "Fel nämnd" }) }))).code).toBe("NOT_FOUND");
    expect(await stateOf(id)).toEqual(before);

    await markCaseMisregistered({ actor: registrar, input: parseInput(ZMarkMisregisteredSchema, { caseId: id, version: 1, reason: "Registrerad två gånger." }) });
    const after = await db.case.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ status: "MISREGISTERED", caseNumber, closedReason: "Registrerad två gånger." });
    expect((await getCaseDetails({ actor: registrar, caseId: id })).events.at(-1)?.text).toBe(
      "Ärendet markerades som felregistrerat: Registrerad två gånger.",
    );
  });

  it("refuses a reason with control characters", async () => {
    const { id } = await newCase();
    const error = await caughtError(() => markCaseMisregistered({ actor: registrar, input: parseInput(ZMarkMisregisteredSchema, { caseId: id, version: 1, reason: "Fel\u0000" }) }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors?.reason).toBeDefined();
  });
});
