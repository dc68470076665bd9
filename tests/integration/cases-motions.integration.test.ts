// Motions: registered with what the registrar has (motionär and att-satser optional, then
// "Komplettera" on the case page, in the diarium and on the handläggare's start page until
// completed), and a motion raised in fullmäktige as its own kind with the one-year watch and
// the presidium's/KS' proposal recorded on the case.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { completeMotion, recordMotionProposal } from "@/features/cases/server/case-motion";
import { getCaseDetails } from "@/features/cases/server/case-queries";
import { registerCase } from "@/features/cases/server/register-case";
import { ZCompleteMotionSchema, ZMotionProposalSchema, ZRegisterCaseSchema } from "@/features/cases/schemas";
import { listDiariumCases } from "@/features/diarium/server/diarium-list";
import { listMyOpenCases } from "@/features/diarium/server/my-cases";
import type { Actor } from "@/server/auth/actor";
import { parseInput } from "@/server/validation";
import { actorFor, expectAppError, seedOrganisation } from "./attestation-fixtures";
import { createTestDatabase } from "../support/database";

const { db } = await createTestDatabase();

let registrar: Actor;
let clas: Actor;
let chair: Actor;
let ksRegistrar: Actor;
let ksOfficer: Actor;

beforeAll(async () => {
  await seedOrganisation();
  // Kommunstyrelsen's kansli registers motions raised in fullmäktige.
  await db.department.create({ data: { id: "slk-kansli", administrationId: "slk", name: "Kommunstyrelsens kansli" } });
  await db.registrySeries.upsert({ where: { committeeId: "ks" }, create: { id: "ks-series", committeeId: "ks", name: "KS", format: "{prefix} {year}/{seq}", prefix: "KS" }, update: {} });
  await db.user.create({ data: { username: "ks.registrator", name: "Kim Kansli", memberships: { create: [{ role: "REGISTRAR", committeeId: "ks" }] } } });
  await db.user.create({ data: { username: "ks.handlaggare", name: "Kerstin Kanslist", memberships: { create: [{ role: "CASE_OFFICER", departmentId: "slk-kansli" }] } } });
  registrar = await actorFor(db, "registrator");
  clas = await actorFor(db, "clas.cederlid");
  chair = await actorFor(db, "ordforande");
  ksRegistrar = await actorFor(db, "ks.registrator");
  ksOfficer = await actorFor(db, "ks.handlaggare");
});

const motionReferral = (motion: { authors: { name: string; party?: string }[]; proposals: string[] }) => ({
  idempotencyKey: randomUUID(),
  title: "Belysning i Aspudden – motion från (S)",
  kind: "MOTION_REFERRAL",
  committeeId: "has",
  departmentId: "has-sos",
  caseOfficerId: clas.id,
  referringBody: "Kommunstyrelsen",
  receivedDate: "2024-02-12",
  dueDate: "2024-05-03",
  motion: { title: "Motion (2024:20) om belysning i Aspudden", raisedDate: "2024-01-24", ...motion },
});

const versionOf = async (caseId: string) => (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version;

const toCompleteEverywhere = async (caseId: string) => {
  const details = await getCaseDetails({ actor: clas, caseId });
  const diarium = await listDiariumCases({ actor: registrar, params: {}, pageSize: 200 });
  const mine = await listMyOpenCases({ actor: clas });
  return {
    casePage: details.motion?.toComplete,
    diarium: diarium.rows.find((row) => row.id === caseId)?.toComplete,
    startPage: mine.rows.find((row) => row.id === caseId)?.toComplete,
  };
};

describe("registration with what the registrar has", () => {
  it("registers a motion remiss without motionär and att-satser, with the one-year watch, marked Komplettera on the case page, in the diarium and on the start page", async () => {
    const { id } = await registerCase({ actor: registrar, input: parseInput(ZRegisterCaseSchema, motionReferral({ authors: [], proposals: [] })) });
    const motion = await db.motion.findUniqueOrThrow({ where: { caseId: id }, include: { authors: true, proposals: true } });
    expect(motion.authors).toEqual([]);
    expect(motion.proposals).toEqual([]);
    const watch = await db.deadline.findFirstOrThrow({ where: { caseId: id, kind: "MOTION_ONE_YEAR" } });
    expect(watch.dueDate.toISOString().slice(0, 10)).toBe("2025-01-24");
    expect(await toCompleteEverywhere(id)).toEqual({ casePage: true, diarium: true, startPage: true });
  });

  it("does not mark a motion registered with motionär and att-sats", async () => {
    const { id } = await registerCase({ actor: registrar, input: parseInput(ZRegisterCaseSchema, motionReferral({ authors: [{ name: "Anna Ek", party: "S" }], proposals: ["Staden sätter upp belysning."] })) });
    expect(await toCompleteEverywhere(id)).toEqual({ casePage: false, diarium: false, startPage: false });
  });

  it("clears the marker when the motion is completed, in one transaction with its audit event", async () => {
    const { id } = await registerCase({ actor: registrar, input: parseInput(ZRegisterCaseSchema, motionReferral({ authors: [{ name: "Anna Ek" }], proposals: [] })) });
    expect((await toCompleteEverywhere(id)).diarium).toBe(true);
    const version = await versionOf(id);
    await completeMotion({
      actor: registrar,
      input: parseInput(ZCompleteMotionSchema, { caseId: id, version, authors: [{ name: "Anna Ek", party: "S" }, { name: "Per Lind" }], proposals: ["Staden sätter upp belysning.", "Staden utvärderar efter ett år."] }),
    });
    expect(await toCompleteEverywhere(id)).toEqual({ casePage: false, diarium: false, startPage: false });
    const details = await getCaseDetails({ actor: clas, caseId: id });
    expect(details.motion?.authors).toEqual([{ name: "Anna Ek", party: "S" }, { name: "Per Lind", party: null }]);
    expect(details.motion?.proposals).toEqual(["Staden sätter upp belysning.", "Staden utvärderar efter ett år."]);
    expect(details.version).toBe(version + 1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { caseId: id, action: "motion.complete" } });
    expect(event.data).toMatchObject({ authors: 2, proposals: 2 });
    expect(details.events.at(-1)?.text).toContain("kompletterade motionen");
  });

  it("refuses a stale version, a reader without the right and a blank name, and changes nothing", async () => {
    const { id } = await registerCase({ actor: registrar, input: parseInput(ZRegisterCaseSchema, motionReferral({ authors: [], proposals: [] })) });
    const version = await versionOf(id);
    const input = { caseId: id, version, authors: [{ name: "Anna Ek" }], proposals: ["Belysning."] };
    const before = { authors: await db.motionAuthor.count(), events: await db.auditEvent.count() };
    await expectAppError(completeMotion({ actor: registrar, input: parseInput(ZCompleteMotionSchema, { ...input, version: version + 1 }) }), "CONFLICT");
    await expectAppError(completeMotion({ actor: chair, input: parseInput(ZCompleteMotionSchema, input) }), "FORBIDDEN");
    await expectAppError(completeMotion({ actor: ksRegistrar, input: parseInput(ZCompleteMotionSchema, input) }), "NOT_FOUND");
    const blank = ZCompleteMotionSchema.safeParse({ ...input, authors: [{ name: "  " }] });
    expect(blank.error?.issues[0]?.message).toBe("Ange motionärens namn.");
    expect({ authors: await db.motionAuthor.count(), events: await db.auditEvent.count() }).toEqual(before);
    expect((await toCompleteEverywhere(id)).casePage).toBe(true);
  });
});

describe("a motion raised in fullmäktige", () => {
  const motion = (overrides: Record<string, unknown> = {}) => ({
    idempotencyKey: randomUUID(),
    title: "Motion om fler parkbänkar",
    kind: "MOTION",
    committeeId: "ks",
    departmentId: "slk-kansli",
    caseOfficerId: ksOfficer.id,
    receivedDate: "2024-03-01",
    motion: { number: "2024:31", title: "Motion (2024:31) av Anna Ek (S) om fler parkbänkar", raisedDate: "2024-02-22", authors: [], proposals: [] },
    ...overrides,
  });

  it("registers as its own kind at KS, with motionärer optional and the one-year watch from the day it was raised", async () => {
    const { id } = await registerCase({ actor: ksRegistrar, input: parseInput(ZRegisterCaseSchema, motion()) });
    const row = await db.case.findUniqueOrThrow({ where: { id }, include: { motion: true, deadlines: true } });
    expect(row.kind).toBe("MOTION");
    expect(row.caseNumber).toMatch(/^KS 2024\/\d+$/);
    expect(row.deadlines.map((deadline) => [deadline.kind, deadline.dueDate.toISOString().slice(0, 10)])).toEqual([["MOTION_ONE_YEAR", "2025-02-22"]]);
    expect((await getCaseDetails({ actor: ksOfficer, caseId: id })).motion?.toComplete).toBe(true);
  });

  it("is registered only at fullmäktige or kommunstyrelsen: a nämnd is told to register a remiss of the motion, and nothing is written", async () => {
    const before = { cases: await db.case.count(), events: await db.auditEvent.count() };
    const error = await expectAppError(
      registerCase({ actor: registrar, input: parseInput(ZRegisterCaseSchema, motion({ committeeId: "has", departmentId: "has-sos", caseOfficerId: clas.id })) }),
      "VALIDATION",
    );
    expect(error.fieldErrors).toEqual({ kind: ["En motion registreras hos kommunfullmäktige eller kommunstyrelsen. Registrera den hos Hägersten-Älvsjö stadsdelsnämnd som Remiss av motion."] });
    expect({ cases: await db.case.count(), events: await db.auditEvent.count() }).toEqual(before);
  });

  it("needs its motion (title and the day it was raised), but no remittent or remisstid", () => {
    const parsed = ZRegisterCaseSchema.safeParse(motion({ motion: undefined }));
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["motion", "Ange motionens rubrik och datum då den väcktes."]]);
    expect(ZRegisterCaseSchema.safeParse(motion()).success).toBe(true);
  });

  it("records the presidium's proposal to remit it, audited, shown on the case page", async () => {
    const { id } = await registerCase({ actor: ksRegistrar, input: parseInput(ZRegisterCaseSchema, motion()) });
    await recordMotionProposal({
      actor: ksRegistrar,
      input: parseInput(ZMotionProposalSchema, { caseId: id, version: await versionOf(id), proposedAction: "REFER", proposedBy: "Presidiet", proposedTo: "Parknämnden och Stadsbyggnadsnämnden", proposedDate: "2024-03-05" }),
    });
    const details = await getCaseDetails({ actor: ksOfficer, caseId: id });
    expect(details.motion?.proposal).toEqual({ action: "REFER", by: "Presidiet", to: "Parknämnden och Stadsbyggnadsnämnden", date: "2024-03-05" });
    expect(details.events.at(-1)?.text).toBe("Kim Kansli registrerade förslaget: Presidiet föreslår remittera motionen till Parknämnden och Stadsbyggnadsnämnden");
  });

  it("refuses a proposal on a motion remiss, a remittance without recipients and a date in the future", async () => {
    const { id } = await registerCase({ actor: registrar, input: parseInput(ZRegisterCaseSchema, motionReferral({ authors: [], proposals: [] })) });
    const error = await expectAppError(
      recordMotionProposal({ actor: registrar, input: parseInput(ZMotionProposalSchema, { caseId: id, version: await versionOf(id), proposedAction: "ANSWER", proposedBy: "Kommunstyrelsen", proposedDate: "2024-03-05" }) }),
      "INVALID_STATE",
    );
    expect(error.userMessage).toMatch(/bara för en motion som väckts här/);
    expect(await db.motion.findUniqueOrThrow({ where: { caseId: id }, select: { proposedAction: true } })).toEqual({ proposedAction: null });
    const refer = ZMotionProposalSchema.safeParse({ caseId: id, version: 1, proposedAction: "REFER", proposedBy: "Presidiet", proposedDate: "2024-03-05" });
    expect(refer.error?.issues.map((issue) => issue.path.join("."))).toEqual(["proposedTo"]);
    const future = ZMotionProposalSchema.safeParse({ caseId: id, version: 1, proposedAction: "REJECT", proposedBy: "Presidiet", proposedDate: `${new Date().getFullYear() + 1}-01-01` });
    expect(future.error?.issues.map((issue) => issue.message)).toEqual(["Datumet kan inte ligga i framtiden."]);
  });
});
