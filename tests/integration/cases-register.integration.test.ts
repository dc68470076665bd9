import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { registerCase } from "@/features/cases/server/register-case";
import { loadActor, type Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { DEMO_USERS } from "../../scripts/seed/demo-organisation";
import { seedDemoData } from "../../scripts/seed/demo";
import { createTestDatabase } from "../support/database";
import { ZRegisterCaseSchema } from "@/features/cases/schemas";
import { parseInput } from "@/server/validation";

const { db } = await createTestDatabase();

const demoId = (username: string) => DEMO_USERS.find((user) => user.username === username)!.id;
const CLAS = demoId("clas.cederlid");
const actorOf = async (userId: string): Promise<Actor> => (await loadActor({ userId, sessionVersion: 1, authTime: 1 }))!;

let registrar: Actor;
let clas: Actor;
let director: Actor;
let sosRegistrar: Actor;
let ifoOfficer: Actor;

const createUser = async (username: string, membership: Record<string, string> & { role: "CASE_OFFICER" | "REGISTRAR" }) =>
  db.user.create({ data: { username, name: username, memberships: { create: [membership] } } });

beforeAll(async () => {
  await seedDemoData({ nodeEnv: "test", force: false });
  registrar = await actorOf(demoId("registrator"));
  clas = await actorOf(CLAS);
  director = await actorOf(demoId("lee.orberson"));
  sosRegistrar = await actorOf((await createUser("sos.registrator", { role: "REGISTRAR", committeeId: "sos" })).id);
  ifoOfficer = await actorOf((await createUser("ifo.handlaggare", { role: "CASE_OFFICER", departmentId: "has-ifo" })).id);
});

const letter = (overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: randomUUID(),
  title: "Skrivelse om belysning i Aspudden",
  kind: "LETTER",
  committeeId: "has",
  departmentId: "has-sos",
  caseOfficerId: CLAS,
  receivedDate: "2020-03-02",
  ...overrides,
});

const motionReferral = (overrides: Record<string, unknown> = {}) =>
  letter({
    title: "Stoppa de öppna drogscenerna – motion från (M)",
    kind: "MOTION_REFERRAL",
    referringBody: "Kommunstyrelsen",
    referringCaseNumber: "KS 2024/312",
    receivedDate: "2024-02-12",
    dueDate: "2024-05-03",
    motion: {
      number: "2024:12",
      title: "Motion (2024:12) av Andréa Hedin (M) om att stoppa de öppna drogscenerna",
      raisedDate: "2024-01-24",
      authors: [{ name: "Andréa Hedin", party: "M" }],
      proposals: ["Stockholms stad utreder och sätter in insatser vid varje öppen drogscen."],
    },
    incomingDocument: { description: "Remissunderlag Motion Stoppa de öppna drogscenerna", counterpart: "Kommunstyrelsen", documentDate: "2024-02-12" },
    ...overrides,
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

const snapshot = async () => ({
  cases: await db.case.count(),
  motions: await db.motion.count(),
  deadlines: await db.deadline.count(),
  documents: await db.caseDocument.count(),
  events: await db.auditEvent.count(),
  counters: await db.registrySeriesCounter.findMany({ orderBy: [{ seriesId: "asc" }, { year: "asc" }] }),
});

/** Runs tasks with at most `limit` in flight: concurrent, but within the test client's 20 connections. */
const runConcurrently = async <T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> => {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
};

describe("case numbers", () => {
  it("gives 200 concurrent registrations the numbers 1–200 of the year, without gaps or duplicates", async () => {
    const registered = await runConcurrently(
      Array.from({ length: 200 }, (_, index) => () => registerCase({ actor: registrar, input: parseInput(ZRegisterCaseSchema, letter({ title: `Skrivelse ${index}`, receivedDate: "2019-06-01" })) })),
      18,
    );
    const sequences = registered.map((item) => Number(item.caseNumber.replace("HÄS 2019/", ""))).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 200 }, (_, index) => index + 1));
    expect(new Set(registered.map((item) => item.caseNumber)).size).toBe(200);
    const counter = await db.registrySeriesCounter.findUniqueOrThrow({ where: { seriesId_year: { seriesId: "series-has", year: 2019 } } });
    expect(counter.lastValue).toBe(200);
  }, 120_000);

  it("restarts at 1 each year and continues each year's own sequence", async () => {
    const first2021 = await registerCase({ actor: registrar, input: parseInput(ZRegisterCaseSchema, letter({ receivedDate: "2021-12-31" })) });
    const first2022 = await registerCase({ actor: registrar, input: parseInput(ZRegisterCaseSchema, letter({ receivedDate: "2022-01-01" })) });
    const second2021 = await registerCase({ actor: registrar, input: parseInput(ZRegisterCaseSchema, letter({ receivedDate: "2021-06-15" })) });
    expect([first2021.caseNumber, first2022.caseNumber, second2021.caseNumber]).toEqual(["HÄS 2021/1", "HÄS 2022/1", "HÄS 2021/2"]);
  });

  it("gives the number of a rolled-back registration to the next one", async () => {
    const first = await registerCase({ actor: registrar, input: parseInput(ZRegisterCaseSchema, letter({ receivedDate: "2018-02-01" })) });
    expect(first.caseNumber).toBe("HÄS 2018/1");
    // Make the last step of a registration (handling 1) fail after the number was taken.
    await db.$executeRawUnsafe(`CREATE FUNCTION test_fail_document() RETURNS trigger AS $$
      BEGIN IF NEW.description = 'FAIL' THEN RAISE EXCEPTION 'test: document insert fails'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER test_fail_document BEFORE INSERT ON case_document FOR EACH ROW EXECUTE FUNCTION test_fail_document()`);
    try {
      const before = await snapshot();
      await expect(
        registerCase({ actor: registrar, input: parseInput(ZRegisterCaseSchema, letter({ receivedDate: "2018-02-02", incomingDocument: { description: "FAIL", documentDate: "2018-02-02" } })) }),
      ).rejects.toThrow(/test: document insert fails/);
      // Neither the case, nor its audit event, nor the number survived.
      expect(await snapshot()).toEqual(before);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER test_fail_document ON case_document`);
      await db.$executeRawUnsafe(`DROP FUNCTION test_fail_document()`);
    }
    const next = await registerCase({ actor: registrar, input: parseInput(ZRegisterCaseSchema, letter({ receivedDate: "2018-02-03" })) });
    expect(next.caseNumber).toBe("HÄS 2018/2");
  });
});

describe("registering a remiss of a motion", () => {
  it("keeps an att-sats without the motion's own leading “att”, so the statement never reads “att att”", async () => {
    const motion = { title: "Motion om öppna drogscener", raisedDate: "2024-01-24", authors: [{ name: "Andréa Hedin", party: "M" }] };
    const proposals = ["att utreda varje öppen drogscen", "Att  införa fler fältassistenter", "attrahera fler föreningar", "Stockholms stad utreder"];
    const registered = await registerCase({ actor: registrar, input: parseInput(ZRegisterCaseSchema, motionReferral({ motion: { ...motion, proposals } })) });
    const stored = await db.motionProposal.findMany({ where: { motion: { caseId: registered.id } }, orderBy: { position: "asc" } });
    expect(stored.map((proposal) => proposal.text)).toEqual(["utreda varje öppen drogscen", "införa fler fältassistenter", "attrahera fler föreningar", "Stockholms stad utreder"]);
  });

  it("stores the motion, the deadlines, handling 1 and the audit events of the case", async () => {
    const registered = await registerCase({
      actor: registrar,
      input: parseInput(ZRegisterCaseSchema, motionReferral({ confidentiality: { reference: "26 kap. 1 §", reason: "Uppgifter om enskild." } })),
    });
    const stored = await db.case.findUniqueOrThrow({
      where: { id: registered.id },
      include: {
        motion: { include: { authors: true, proposals: true } },
        deadlines: { orderBy: { dueDate: "asc" } },
        documents: true,
        auditEvents: { orderBy: { seq: "asc" } },
      },
    });
    expect(stored.caseNumber).toMatch(/^HÄS 2024\/\d+$/);
    expect(stored).toMatchObject({ status: "OPEN", version: 1, referringCaseNumber: "KS 2024/312", createdById: registrar.id });
    expect(stored).toMatchObject({ secrecyReference: "26 kap. 1 § OSL", secrecyDecidedById: registrar.id });
    expect(stored.motion?.authors).toMatchObject([{ position: 1, name: "Andréa Hedin", party: "M" }]);
    expect(stored.motion?.proposals).toMatchObject([{ position: 1 }]);
    expect(stored.deadlines.map((deadline) => [deadline.kind, deadline.dueDate.toISOString().slice(0, 10)])).toEqual([
      ["REFERRAL_DUE", "2024-05-03"],
      ["MOTION_ONE_YEAR", "2025-01-24"],
    ]);
    expect(stored.documents).toMatchObject([{ number: 1, direction: "INCOMING", counterpart: "Kommunstyrelsen", secrecyReference: "26 kap. 1 § OSL" }]);
    expect(stored.auditEvents.map((event) => event.action)).toEqual(["case.register", "document.register"]);
    expect(stored.auditEvents[1]?.data).toMatchObject({ documentNumber: `${stored.caseNumber}-1` });
  });

  it("lets a handläggare register in their own department but not in another one", async () => {
    const own = await registerCase({ actor: clas, input: parseInput(ZRegisterCaseSchema, letter()) });
    expect(own.caseNumber).toMatch(/^HÄS /);
    const before = await snapshot();
    expect((await caughtError(() => registerCase({ actor: clas, input: parseInput(ZRegisterCaseSchema, letter({ departmentId: "has-ifo", caseOfficerId: ifoOfficer.id })) }))).code).toBe("FORBIDDEN");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses registration to a registrator of another committee, a handläggare of another department and a director", async () => {
    const before = await snapshot();
    for (const actor of [sosRegistrar, ifoOfficer, director]) {
      expect((await caughtError(() => registerCase({ actor, input: parseInput(ZRegisterCaseSchema, letter()) }))).code).toBe("FORBIDDEN");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("explains that a committee without a diarieserie cannot register yet", async () => {
    await db.committee.create({ data: { id: "test-utan-serie", municipalityId: "stockholm", name: "Testnämnden", shortName: "TN" } });
    await db.administration.create({ data: { id: "test-adm", municipalityId: "stockholm", committeeId: "test-utan-serie", name: "Testförvaltningen" } });
    await db.department.create({ data: { id: "test-avd", administrationId: "test-adm", name: "Testavdelningen" } });
    const officer = await createUser("test.handlaggare", { role: "CASE_OFFICER", departmentId: "test-avd" });
    const actor = await actorOf(officer.id);
    const error = await caughtError(
      () => registerCase({ actor, input: parseInput(ZRegisterCaseSchema, letter({ committeeId: "test-utan-serie", departmentId: "test-avd", caseOfficerId: officer.id })) }),
    );
    expect(error.code).toBe("INVALID_STATE");
    expect(error.userMessage).toMatch(/Testnämnden har ingen diarieserie/);
  });
});

describe("registration input", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["a remisstid before the received date", { kind: "AGENCY_REFERRAL", referringBody: "Trafikverket", dueDate: "2020-03-01" }, "dueDate"],
    ["a received date that does not exist", { receivedDate: "2023-02-29" }, "receivedDate"],
    ["an unknown committee", { committeeId: "finns-inte" }, "committeeId"],
    ["an unknown department", { departmentId: "finns-inte" }, "departmentId"],
    ["a department of another committee", { departmentId: "sos-sos" }, "departmentId"],
    ["an unknown handläggare", { caseOfficerId: randomUUID() }, "caseOfficerId"],
    ["a handläggare who is not CASE_OFFICER in the department", { caseOfficerId: demoId("linda.palo") }, "caseOfficerId"],
    ["a handläggare of another department", { caseOfficerId: "IFO" }, "caseOfficerId"],
    ["an unknown class", { classificationId: randomUUID() }, "classificationId"],
    ["a smuggled case number", { caseNumber: "HÄS 2020/999" }, "_form"],
    ["a smuggled status", { status: "CLOSED" }, "_form"],
    ["a too long title", { title: "x".repeat(301) }, "title"],
    ["a control character in the title", { title: "Skrivelse\u0007 om buller" }, "title"],
    ["a bidi override in the referring body", { referringBody: "Trafik\u202Everket" }, "referringBody"],
    ["a motion remiss without its motion", { kind: "MOTION_REFERRAL", referringBody: "Kommunstyrelsen", dueDate: "2020-04-01" }, "motion"],
    ["a blank att-sats row", { ...motionReferral(), motion: { title: "Motion", raisedDate: "2024-01-01", authors: [{ name: "A" }], proposals: ["   "] } }, "motion.proposals.0"],
    ["a motion on a letter", { ...letter(), motion: { title: "Motion", raisedDate: "2020-01-01", authors: [], proposals: [] } }, "motion"],
    ["a secrecy marking without OSL paragraph", { confidentiality: { reference: "hemligt", reason: "Enskild" } }, "confidentiality.reference"],
  ];

  it.each(cases)("refuses %s with a Swedish field message and stores nothing", async (_name, overrides, field) => {
    const before = await snapshot();
    const resolved = overrides.caseOfficerId === "IFO" ? { ...overrides, caseOfficerId: ifoOfficer.id } : overrides;
    const error = await caughtError(() => registerCase({ actor: registrar, input: parseInput(ZRegisterCaseSchema, letter(resolved)) }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors?.[field]?.[0]).toMatch(/[a-zåäö]/i);
    expect(await snapshot()).toEqual(before);
  });
});

describe("idempotency", () => {
  it("returns the already created case when the same form is submitted again", async () => {
    const input = letter({ receivedDate: "2017-05-05" });
    const first = await registerCase({ actor: registrar, input: parseInput(ZRegisterCaseSchema, input) });
    const again = await registerCase({ actor: registrar, input: parseInput(ZRegisterCaseSchema, input) });
    expect(again).toEqual(first);
    expect(await db.case.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
  });

  it("creates one case and consumes one number when the same form arrives five times at once", async () => {
    const input = letter({ receivedDate: "2016-05-05" });
    const results = await Promise.all(Array.from({ length: 5 }, () => registerCase({ actor: registrar, input: parseInput(ZRegisterCaseSchema, input) })));
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(results[0]?.caseNumber).toBe("HÄS 2016/1");
    expect(await db.case.count({ where: { year: 2016 } })).toBe(1);
    expect(await db.auditEvent.count({ where: { caseId: results[0]!.id } })).toBe(1);
    const next = await registerCase({ actor: registrar, input: parseInput(ZRegisterCaseSchema, letter({ receivedDate: "2016-05-06" })) });
    expect(next.caseNumber).toBe("HÄS 2016/2");
  });

  it("does not hand someone else's case to a user who reuses its key", async () => {
    const input = letter({ receivedDate: "2015-05-05" });
    await registerCase({ actor: registrar, input: parseInput(ZRegisterCaseSchema, input) });
    expect((await caughtError(() => registerCase({ actor: clas, input: parseInput(ZRegisterCaseSchema, input) }))).code).toBe("CONFLICT");
  });
});
