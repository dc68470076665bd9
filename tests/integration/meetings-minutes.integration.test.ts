import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { addCaseToAgenda, addOtherAgendaItem, moveAgendaItem, removeAgendaItem } from "@/features/meetings/server/agenda-service";
import { addStatementOfOpinion, recordDecision, removeStatementOfOpinion, updateDecision } from "@/features/meetings/server/decision-service";
import { closeCaseAsAnswered, dispatchDecision } from "@/features/meetings/server/dispatch-service";
import { setAttendance } from "@/features/meetings/server/meeting-service";
import { getExtractForExport, getMinutesForExport } from "@/features/meetings/server/meeting-export-queries";
import { getMinutesView } from "@/features/meetings/server/meeting-page-queries";
import { ZMinutesContentSchema } from "@/features/meetings/server/minutes-content";
import { approveMinutes, returnMinutes, saveMinutes, sendMinutesForApproval, withdrawMinutes } from "@/features/meetings/server/minutes-service";
import { getAttestationState } from "@/features/attestation/server/attestation-state";
import { ZCreateMinutesSchema } from "@/features/meetings/schemas";
import { createTestDatabase } from "../support/database";
import { actorFor, calledMeetingWithCase, createCase, daysAhead, expectAppError, minutesInApproval as minutesInApprovalFixture, setupMeetingsWorld } from "./meetings-fixtures";
import { formatDateOnly } from "@/lib/dates";
import { postingDates } from "@/features/meetings/dates";
import { ZAddCaseToAgendaSchema, ZAddOpinionSchema, ZAddOtherAgendaItemSchema, ZAttendanceSchema, ZCloseAnsweredSchema, ZDispatchSchema, ZMoveAgendaItemSchema, ZRecordDecisionSchema, ZRemoveAgendaItemSchema, ZRemoveOpinionSchema, ZUpdateDecisionSchema } from "@/features/meetings/schemas";
import { parseInput } from "@/server/validation";

const { db } = await createTestDatabase();

let secretary: Actor;
let otherSecretary: Actor;
let officer: Actor;
let chair: Actor;
let checker: Actor;
let otherChair: Actor;

beforeAll(async () => {
  await setupMeetingsWorld(db);
  secretary = await actorFor(db, "sekreterare");
  otherSecretary = await actorFor(db, "sos.sekreterare");
  officer = await actorFor(db, "clas.cederlid");
  chair = await actorFor(db, "ordforande");
  checker = await actorFor(db, "justerare");
  otherChair = await actorFor(db, "annan.ordforande");
});

const minutesInApproval = () => minutesInApprovalFixture(db, { secretary, chair, checker });

const approved = async () => {
  const world = await minutesInApproval();
  await approveMinutes({ actor: chair, input: { minutesId: world.minutesId, contentHash: world.contentHash } });
  await approveMinutes({ actor: checker, input: { minutesId: world.minutesId, contentHash: world.contentHash } });
  return world;
};

describe("justering", () => {
  it("locks the minutes when ordförande and justerare have approved the exact hash, and records anslag and appeal period", async () => {
    const world = await minutesInApproval();
    const first = await approveMinutes({ actor: chair, input: { minutesId: world.minutesId, contentHash: world.contentHash } });
    expect(first.completed).toBe(false);
    const second = await approveMinutes({ actor: checker, input: { minutesId: world.minutesId, contentHash: world.contentHash } });
    // The appeal period's last day moves past weekends and holidays (postingDates; pinned in dates.test.ts).
    expect(second).toEqual({ completed: true, ...postingDates(new Date()) });
    const minutes = await db.minutes.findUniqueOrThrow({ where: { id: world.minutesId }, include: { meeting: true } });
    expect(minutes.status).toBe("APPROVED");
    expect(minutes.meeting.status).toBe("APPROVED");
    const steps = await db.attestationStep.findMany({ where: { request: { subjectId: world.minutesId } } });
    expect(steps.every((step) => step.status === "ATTESTED" && step.attestedHash === world.contentHash)).toBe(true);
    expect(await db.auditEvent.count({ where: { entityId: { in: steps.map((step) => step.id) }, action: "attestation.attest" } })).toBe(2);
    // The attestation engine recognises the justering (hash, version, lock and audit events).
    const state = await getAttestationState({ subjectType: "MINUTES", subjectId: world.minutesId });
    expect(state.problems).toEqual([]);
    expect(state.attested).toBe(true);
    expect(await db.auditEvent.count({ where: { caseId: world.caseId, action: "minutes.paragraph_approved" } })).toBe(1);
  });

  it("refuses approval by a handläggare, by a chair not named on the minutes and by another committee's secretary", async () => {
    const world = await minutesInApproval();
    const input = { minutesId: world.minutesId, contentHash: world.contentHash };
    await expectAppError(approveMinutes({ actor: officer, input }), "FORBIDDEN");
    await expectAppError(approveMinutes({ actor: otherChair, input }), "FORBIDDEN", /inte utsedd/);
    await expectAppError(approveMinutes({ actor: otherSecretary, input }), "NOT_FOUND");
    await expectAppError(approveMinutes({ actor: secretary, input }), "FORBIDDEN");
    expect(await db.attestationStep.count({ where: { request: { subjectId: world.minutesId }, status: "ATTESTED" } })).toBe(0);
  });

  it("refuses an approval bound to another hash", async () => {
    const world = await minutesInApproval();
    await expectAppError(approveMinutes({ actor: chair, input: { minutesId: world.minutesId, contentHash: "0".repeat(64) } }), "CONFLICT");
  });

  it("asks for the password when the sign-in is older than five minutes, and refuses a wrong one", async () => {
    const world = await minutesInApproval();
    const staleChair = await actorFor(db, "ordforande", Math.floor(Date.now() / 1000) - 600);
    const input = { minutesId: world.minutesId, contentHash: world.contentHash };
    await expectAppError(approveMinutes({ actor: staleChair, input }), "UNAUTHENTICATED", /lösenord/);
    const wrong = await expectAppError(approveMinutes({ actor: staleChair, input: { ...input, password: "fel" } }), "VALIDATION", /Kontrollera de markerade fälten/);
    expect(wrong.fieldErrors).toEqual({ password: ["Lösenordet stämmer inte."] });
    await approveMinutes({ actor: staleChair, input: { ...input, password: "demo" } });
    const step = await db.attestationStep.findFirstOrThrow({ where: { request: { subjectId: world.minutesId }, assigneeId: chair.id } });
    expect(step.authMethod).toBe("Lösenord (bekräftat vid attestering)");
  });

  it("a returned round reopens the draft and invalidates the approvals given", async () => {
    const world = await minutesInApproval();
    await approveMinutes({ actor: chair, input: { minutesId: world.minutesId, contentHash: world.contentHash } });
    await returnMinutes({ actor: checker, input: { minutesId: world.minutesId, comment: "§ saknar yrkandet från V." } });
    expect((await db.minutes.findUniqueOrThrow({ where: { id: world.minutesId } })).status).toBe("DRAFT");
    const steps = await db.attestationStep.findMany({ where: { request: { subjectId: world.minutesId } }, orderBy: { position: "asc" } });
    expect(steps.map((step) => step.status)).toEqual(["INVALIDATED", "RETURNED"]);
    // The secretary may now change the decision again.
    await updateDecision({ actor: secretary, input: parseInput(ZUpdateDecisionSchema, { decisionId: world.decisionId, kind: "AS_PROPOSED", motions: [{ party: "V", member: "Leila Haddad", text: "Avslag." }] }) });
  });

  it("the secretary withdraws a round; the edits lock while the minutes are out for justering", async () => {
    const world = await minutesInApproval();
    await expectAppError(() => updateDecision({ actor: secretary, input: parseInput(ZUpdateDecisionSchema, { decisionId: world.decisionId, kind: "REJECTED" }) }), "INVALID_STATE", /skickat för justering/);
    await expectAppError(withdrawMinutes({ actor: officer, input: { minutesId: world.minutesId, reason: undefined } }), "FORBIDDEN");
    await withdrawMinutes({ actor: secretary, input: { minutesId: world.minutesId, reason: "Fel närvaro" } });
    expect((await db.minutes.findUniqueOrThrow({ where: { id: world.minutesId } })).status).toBe("DRAFT");
    await expectAppError(approveMinutes({ actor: chair, input: { minutesId: world.minutesId, contentHash: world.contentHash } }), "INVALID_STATE");
  });

  it("only the committee's secretary names ordförande and justerare, and only holders of those roles can be named", async () => {
    const world = await calledMeetingWithCase(db, secretary);
    await expectAppError(saveMinutes({ actor: officer, input: { meetingId: world.meetingId, chairId: chair.id, checkerId: checker.id } }), "FORBIDDEN");
    await expectAppError(saveMinutes({ actor: otherSecretary, input: { meetingId: world.meetingId, chairId: chair.id, checkerId: checker.id } }), "NOT_FOUND");
    await expectAppError(saveMinutes({ actor: secretary, input: { meetingId: world.meetingId, chairId: officer.id, checkerId: checker.id } }), "VALIDATION", /ordförande/);
    await expectAppError(saveMinutes({ actor: secretary, input: { meetingId: world.meetingId, chairId: chair.id, checkerId: chair.id } }), "VALIDATION");
    // One person in both roles is refused by the schema (the action parses before the service).
    expect(ZCreateMinutesSchema.safeParse({ meetingId: world.meetingId, chairId: chair.id, checkerId: chair.id }).error?.issues.map((issue) => issue.message)).toEqual([
      "Ordförande och justerare måste vara olika personer.",
    ]);
  });

  it("refuses to send minutes with undecided items", async () => {
    const world = await calledMeetingWithCase(db, secretary);
    const { id: minutesId } = await saveMinutes({ actor: secretary, input: { meetingId: world.meetingId, chairId: chair.id, checkerId: checker.id } });
    await expectAppError(sendMinutesForApproval({ actor: secretary, input: { minutesId, version: 1 } }), "INVALID_STATE", /Beslut saknas för punkt 1/);
  });
});

describe("justerade minutes are locked", () => {
  it("every mutating service refuses with INVALID_STATE", async () => {
    const world = await approved();
    const opinion = await db.statementOfOpinion.count();
    const other = await createCase(db);
    const attempts: [string, () => Promise<unknown>][] = [
      ["recordDecision", () => recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId: world.meetingId, agendaItemId: world.itemId, kind: "REJECTED" }) })],
      ["updateDecision", () => updateDecision({ actor: secretary, input: parseInput(ZUpdateDecisionSchema, { decisionId: world.decisionId, kind: "REJECTED" }) })],
      ["addOpinion", () => addStatementOfOpinion({ actor: secretary, input: parseInput(ZAddOpinionSchema, { decisionId: world.decisionId, kind: "RESERVATION", members: "X", text: "Y" }) })],
      ["addCase", () => addCaseToAgenda({ actor: secretary, input: parseInput(ZAddCaseToAgendaSchema, { meetingId: world.meetingId, caseId: other.id }) })],
      ["addItem", () => addOtherAgendaItem({ actor: secretary, input: parseInput(ZAddOtherAgendaItemSchema, { meetingId: world.meetingId, kind: "INFORMATION", title: "Sent" }) })],
      ["move", () => moveAgendaItem({ actor: secretary, input: parseInput(ZMoveAgendaItemSchema, { meetingId: world.meetingId, itemId: world.itemId, direction: "up" }) })],
      ["remove", () => removeAgendaItem({ actor: secretary, input: parseInput(ZRemoveAgendaItemSchema, { meetingId: world.meetingId, itemId: world.itemId }) })],
      ["attendance", () => setAttendance({ actor: secretary, input: parseInput(ZAttendanceSchema, { meetingId: world.meetingId, entries: [] }) })],
      ["saveMinutes", () => saveMinutes({ actor: secretary, input: { meetingId: world.meetingId, chairId: chair.id, checkerId: checker.id } })],
      ["send", () => sendMinutesForApproval({ actor: secretary, input: { minutesId: world.minutesId, version: 3 } })],
      ["withdraw", () => withdrawMinutes({ actor: secretary, input: { minutesId: world.minutesId, reason: undefined } })],
      ["approve", () => approveMinutes({ actor: chair, input: { minutesId: world.minutesId, contentHash: world.contentHash } })],
      ["return", () => returnMinutes({ actor: chair, input: { minutesId: world.minutesId, comment: "Ändra" } })],
    ];
    for (const [name, attempt] of attempts) {
      const error = await expectAppError(attempt(), "INVALID_STATE");
      expect(error.userMessage, name).toMatch(/justerat/);
    }
    const anyOpinion = await db.statementOfOpinion.findFirst();
    if (anyOpinion) await expectAppError(() => removeStatementOfOpinion({ actor: secretary, input: parseInput(ZRemoveOpinionSchema, { opinionId: anyOpinion.id }) }), "INVALID_STATE");
    expect(await db.statementOfOpinion.count()).toBe(opinion);
    const minutes = await getMinutesForExport({ actor: secretary, minutesId: world.minutesId });
    expect(minutes.contentHash).toBe(world.contentHash);
  });
});

describe("extract, dispatch and closing as answered", () => {
  it("dispatches the extract to kommunstyrelsen as an outgoing handling and closes the case as Besvarad", async () => {
    const world = await approved();
    const result = await dispatchDecision({ actor: secretary, input: parseInput(ZDispatchSchema, { decisionId: world.decisionId, recipients: ["Kommunstyrelsen"], sentDate: daysAhead(-1), includeStatement: true }) });
    expect(result.dispatches).toHaveLength(1);
    const document = await db.caseDocument.findFirstOrThrow({ where: { caseId: world.caseId, direction: "OUTGOING" } });
    expect(document.counterpart).toBe("Kommunstyrelsen");
    expect(document.description).toMatch(/^Protokollsutdrag HÄS § \d+\/\d{4}, sammanträde .*, med tjänsteutlåtande – /);
    expect(await db.dispatch.count({ where: { caseId: world.caseId, documentId: document.id } })).toBe(1);

    const theCase = await db.case.findUniqueOrThrow({ where: { id: world.caseId } });
    const { answeredDate } = await closeCaseAsAnswered({ actor: secretary, input: parseInput(ZCloseAnsweredSchema, { caseId: world.caseId, version: theCase.version }) });
    const closed = await db.case.findUniqueOrThrow({ where: { id: world.caseId }, include: { deadlines: true } });
    expect(closed).toMatchObject({ status: "CLOSED", closedReason: "Besvarad" });
    expect(formatDateOnly(closed.answeredDate)).toBe(answeredDate);
    expect(answeredDate).toBe(daysAhead(-2));
    expect(closed.deadlines.find((deadline) => deadline.kind === "MOTION_ONE_YEAR")!.completedAt).not.toBeNull();
    const actions = (await db.auditEvent.findMany({ where: { caseId: world.caseId }, orderBy: { seq: "asc" } })).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(["agenda.add_case", "decision.record", "minutes.paragraph_approved", "document.register", "decision.dispatch", "case.close", "case.answered"]));
  });

  it("gives the export an extract with the § and its justering", async () => {
    const world = await approved();
    const extract = await getExtractForExport({ actor: secretary, decisionId: world.decisionId });
    expect(extract.paragraph.caseNumber).toBe(world.caseNumber);
    expect(extract.justering?.approvals.map((approval) => approval.name)).toEqual(["Maria Lindqvist", "Anders Berglund"]);
    await expectAppError(getExtractForExport({ actor: otherSecretary, decisionId: world.decisionId }), "NOT_FOUND");
  });

  it("refuses dispatch before justering, by a handläggare, and closing before dispatch", async () => {
    const world = await minutesInApproval();
    const input = { decisionId: world.decisionId, recipients: ["Kommunstyrelsen"], sentDate: daysAhead(-1) };
    await expectAppError(() => dispatchDecision({ actor: secretary, input: parseInput(ZDispatchSchema, input) }), "INVALID_STATE", /inte justerad/);
    await expectAppError(() => dispatchDecision({ actor: officer, input: parseInput(ZDispatchSchema, input) }), "FORBIDDEN");
    await expectAppError(() => dispatchDecision({ actor: otherSecretary, input: parseInput(ZDispatchSchema, input) }), "NOT_FOUND");
    const theCase = await db.case.findUniqueOrThrow({ where: { id: world.caseId } });
    await expectAppError(() => closeCaseAsAnswered({ actor: secretary, input: parseInput(ZCloseAnsweredSchema, { caseId: world.caseId, version: theCase.version }) }), "INVALID_STATE", /inte expedierat/);
    expect(await db.caseDocument.count({ where: { caseId: world.caseId, direction: "OUTGOING" } })).toBe(0);
  });

  it("allows dispatch of an immediately approved paragraph before the minutes are justerade", async () => {
    const world = await calledMeetingWithCase(db, secretary);
    const { id } = await recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId: world.meetingId, agendaItemId: world.itemId, kind: "AS_PROPOSED", immediateApproval: true }) });
    await dispatchDecision({ actor: secretary, input: parseInput(ZDispatchSchema, { decisionId: id, recipients: ["Kommunstyrelsen", "Stadsledningskontoret"], sentDate: daysAhead(-2) }) });
    expect(await db.dispatch.count({ where: { decisionId: id } })).toBe(2);
  });

  it("shows the approver the hash to bind to and whether a password is needed", async () => {
    const world = await minutesInApproval();
    const view = await getMinutesView({ actor: chair, meetingId: world.meetingId });
    expect(view).toMatchObject({ canApprove: true, myRole: "CHAIR", contentHash: world.contentHash, needsPassword: false });
    expect((await getMinutesView({ actor: otherChair, meetingId: world.meetingId })).canApprove).toBe(false);
  });
});

describe("the secretary of the minutes", () => {
  it("is the first active secretary while a draft and the sender once sent, stored in the snapshot and bound by the hash", async () => {
    // A second secretary of the committee, newer than Karin Sjöberg (the first active one).
    await db.user.create({ data: { username: "has.sekreterare2", name: "Nils Nilsson", memberships: { create: { role: "COMMITTEE_SECRETARY", committeeId: "has" } } } });
    const sender = await actorFor(db, "has.sekreterare2");
    const world = await calledMeetingWithCase(db, secretary);
    await recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId: world.meetingId, agendaItemId: world.itemId, kind: "AS_PROPOSED" }) });
    const members = await db.committeeMember.findMany({ where: { committeeId: "has" } });
    await setAttendance({ actor: secretary, input: parseInput(ZAttendanceSchema, { meetingId: world.meetingId, entries: members.map((member) => ({ memberId: member.id, present: true, serving: false })) }) });
    const { id: minutesId } = await saveMinutes({ actor: secretary, input: { meetingId: world.meetingId, chairId: chair.id, checkerId: checker.id } });
    expect((await getMinutesForExport({ actor: secretary, minutesId })).secretary).toEqual({ id: secretary.id, name: "Karin Sjöberg" });

    const minutes = await db.minutes.findUniqueOrThrow({ where: { id: minutesId } });
    const { contentHash } = await sendMinutesForApproval({ actor: sender, input: { minutesId, version: minutes.version } });
    const stored = ZMinutesContentSchema.parse((await db.minutes.findUniqueOrThrow({ where: { id: minutesId } })).content);
    expect(stored.secretary).toEqual({ id: sender.id, name: "Nils Nilsson" });
    await approveMinutes({ actor: chair, input: { minutesId, contentHash } });
    await approveMinutes({ actor: checker, input: { minutesId, contentHash } });

    // Not looked up live: renaming or disabling the first secretary changes nothing.
    await db.user.update({ where: { id: secretary.id }, data: { name: "Karin Omdöpt" } });
    try {
      const exported = await getMinutesForExport({ actor: chair, minutesId });
      expect(exported.secretary).toEqual({ id: sender.id, name: "Nils Nilsson" });
      expect(exported.contentHash).toBe(contentHash);
      const decision = await db.decision.findFirstOrThrow({ where: { agendaItem: { meetingId: world.meetingId } } });
      expect((await getExtractForExport({ actor: chair, decisionId: decision.id })).secretary).toBe("Nils Nilsson");
    } finally {
      await db.user.update({ where: { id: secretary.id }, data: { name: "Karin Sjöberg" } });
    }
    // A changed secretary in the snapshot no longer matches the justering.
    await db.$executeRaw`UPDATE minutes SET content = jsonb_set(content, '{secretary,name}', '"Någon annan"') WHERE id = ${minutesId}::uuid`;
    expect((await getAttestationState({ subjectType: "MINUTES", subjectId: minutesId })).attested).toBe(false);
  });
});

describe("integrity of stored minutes", () => {
  it("counts justerade minutes without a snapshot as not attested (no fallback to the hash column)", async () => {
    const world = await approved();
    expect((await getAttestationState({ subjectType: "MINUTES", subjectId: world.minutesId })).attested).toBe(true);
    await db.$executeRaw`UPDATE minutes SET content = NULL WHERE id = ${world.minutesId}::uuid`;
    const minutes = await db.minutes.findUniqueOrThrow({ where: { id: world.minutesId } });
    expect(minutes).toMatchObject({ status: "APPROVED", contentHash: world.contentHash });
    const state = await getAttestationState({ subjectType: "MINUTES", subjectId: world.minutesId });
    expect(state.currentHash).toBeNull();
    expect(state.attested).toBe(false);
    // Still shown (built from the rows), but never exported with the justering.
    expect((await getMinutesView({ actor: secretary, meetingId: world.meetingId })).content?.paragraphs).toHaveLength(1);
  });

  it("refuses the extract of a § missing from the content of minutes sent for justering, rather than printing it from the rows", async () => {
    const world = await approved();
    await db.$executeRaw`UPDATE minutes SET content = jsonb_set(content, '{paragraphs}', '[]'::jsonb) WHERE id = ${world.minutesId}::uuid`;
    await expectAppError(getExtractForExport({ actor: secretary, decisionId: world.decisionId }), "INVALID_STATE", /finns inte i protokollet/);
  });

  it("refuses to send minutes whose content does not match the snapshot schema, and stores nothing", async () => {
    const world = await calledMeetingWithCase(db, secretary);
    await recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId: world.meetingId, agendaItemId: world.itemId, kind: "AS_PROPOSED" }) });
    const members = await db.committeeMember.findMany({ where: { committeeId: "has" } });
    await setAttendance({ actor: secretary, input: parseInput(ZAttendanceSchema, { meetingId: world.meetingId, entries: members.map((member) => ({ memberId: member.id, present: true, serving: false })) }) });
    const { id: minutesId } = await saveMinutes({ actor: secretary, input: { meetingId: world.meetingId, chairId: chair.id, checkerId: checker.id } });
    // A title longer than the snapshot allows (written past the services, as an old row might be).
    await db.agendaItem.update({ where: { id: world.itemId }, data: { title: "x".repeat(20_001) } });
    const minutes = await db.minutes.findUniqueOrThrow({ where: { id: minutesId } });
    await expectAppError(sendMinutesForApproval({ actor: secretary, input: { minutesId, version: minutes.version } }), "INVALID_STATE", /kan inte sparas för justering/);
    expect(await db.minutes.findUniqueOrThrow({ where: { id: minutesId } })).toMatchObject({ status: "DRAFT", content: null, contentHash: null, version: minutes.version });
    expect(await db.attestationRequest.count({ where: { subjectType: "MINUTES", subjectId: minutesId } })).toBe(0);
  });

  it("tells the reader of a damaged snapshot to contact the nämndsekreterare", async () => {
    const world = await minutesInApproval();
    await db.$executeRaw`UPDATE minutes SET content = '{"damaged": true}'::jsonb WHERE id = ${world.minutesId}::uuid`;
    await expectAppError(getMinutesView({ actor: secretary, meetingId: world.meetingId }), "INVALID_STATE", /skadat.*Kontakta nämndsekreteraren\./);
  });
});
