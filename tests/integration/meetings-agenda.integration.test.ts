import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { addCaseToAgenda, addOtherAgendaItem, moveAgendaItem, removeAgendaItem } from "@/features/meetings/server/agenda-service";
import { callMeeting, createMeeting } from "@/features/meetings/server/meeting-service";
import { getAgendaForExport } from "@/features/meetings/server/meeting-export-queries";
import { getMeetingDetail, getMeetingPlan } from "@/features/meetings/server/meeting-page-queries";
import { getUnionConsultationsByCase, recordUnionConsultation } from "@/features/meetings/server/union-consultation";
import { stockholmDateTimeToInstant } from "@/features/meetings/dates";
import { getAttestedStatement } from "@/features/meetings/server/statement-state";
import { contentHashOf } from "@/features/attestation/content";
import { ATTEST_ACTION, attestAuditData, STEP_ENTITY } from "@/features/attestation/server/attestation-audit";
import { recordAudit } from "@/server/audit";
import { createTestDatabase } from "../support/database";
import { actorFor, createCase, createFutureMeeting, daysAhead, expectAppError, PROPOSAL, setupMeetingsWorld } from "./meetings-fixtures";
import { CURRENT_HASH_SCHEME } from "@/lib/canonical-json";
import { ZAddCaseToAgendaSchema, ZAddOtherAgendaItemSchema, ZCreateMeetingSchema, ZMeetingVersionSchema, ZMoveAgendaItemSchema, ZRemoveAgendaItemSchema, ZUnionConsultationSchema } from "@/features/meetings/schemas";
import { parseInput } from "@/server/validation";

const { db } = await createTestDatabase();

let secretary: Actor;
let otherSecretary: Actor;
let officer: Actor;
let chair: Actor;

beforeAll(async () => {
  await setupMeetingsWorld(db);
  secretary = await actorFor(db, "sekreterare");
  otherSecretary = await actorFor(db, "sos.sekreterare");
  officer = await actorFor(db, "clas.cederlid");
  chair = await actorFor(db, "ordforande");
});

describe("meeting plan", () => {
  it("lets the committee's secretary plan a meeting at a Stockholm local time", async () => {
    const id = await createFutureMeeting(db, secretary, { date: daysAhead(40), time: "18:00" });
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id } });
    expect(meeting.status).toBe("PLANNED");
    expect(meeting.startsAt).toEqual(stockholmDateTimeToInstant(daysAhead(40), "18:00"));
    const plan = await getMeetingPlan({ actor: secretary, committeeId: "has", year: meeting.startsAt.getUTCFullYear() });
    expect(plan.canEdit).toBe(true);
    expect(plan.meetings.map((row) => row.id)).toContain(id);
    expect(await db.auditEvent.count({ where: { action: "meeting.create", entityId: id } })).toBe(1);
  });

  it("converts summer and winter times correctly (18.00 is 16:00Z in April, 17:00Z in December)", () => {
    expect(stockholmDateTimeToInstant("2024-04-25", "18:00").toISOString()).toBe("2024-04-25T16:00:00.000Z");
    expect(stockholmDateTimeToInstant("2026-12-10", "18:00").toISOString()).toBe("2026-12-10T17:00:00.000Z");
  });

  it("refuses a meeting in the past with a clear message and creates nothing", async () => {
    const before = await db.meeting.count();
    const error = await expectAppError(() => createMeeting({ actor: secretary, input: parseInput(ZCreateMeetingSchema, { committeeId: "has", date: "2024-04-25", time: "18:00", place: "Rummet" }) }), "VALIDATION");
    expect(error.userMessage).toMatch(/förflutna/);
    expect(await db.meeting.count()).toBe(before);
  });

  it("refuses meetings to a handläggare, a chair and another committee's secretary", async () => {
    const input = { committeeId: "has", date: daysAhead(50), time: "18:00", place: "Rummet" };
    await expectAppError(() => createMeeting({ actor: officer, input: parseInput(ZCreateMeetingSchema, input) }), "FORBIDDEN");
    await expectAppError(() => createMeeting({ actor: chair, input: parseInput(ZCreateMeetingSchema, input) }), "FORBIDDEN");
    await expectAppError(() => createMeeting({ actor: otherSecretary, input: parseInput(ZCreateMeetingSchema, input) }), "NOT_FOUND");
  });

  it("refuses smuggled fields such as status", async () => {
    await expectAppError(() => createMeeting({ actor: secretary, input: parseInput(ZCreateMeetingSchema, { committeeId: "has", date: daysAhead(50), time: "18:00", place: "Rummet", status: "APPROVED" }) }), "VALIDATION");
  });
});

describe("agenda", () => {
  it("puts an attested case on the agenda with the proposal copied from the statement", async () => {
    const meetingId = await createFutureMeeting(db, secretary);
    const theCase = await createCase(db, { title: "Stoppa de öppna drogscenerna – motion från (M)" });
    await addCaseToAgenda({ actor: secretary, input: parseInput(ZAddCaseToAgendaSchema, { meetingId, caseId: theCase.id }) });
    const detail = await getMeetingDetail({ actor: secretary, meetingId });
    expect(detail.items).toHaveLength(1);
    expect(detail.items[0]).toMatchObject({ position: 1, kind: "CASE", title: "Stoppa de öppna drogscenerna – motion från (M)", proposal: [PROPOSAL] });
    expect(detail.items[0]!.case).toMatchObject({ caseNumber: theCase.caseNumber, caseOfficer: "Clas Cederlid" });
    const events = await db.auditEvent.findMany({ where: { caseId: theCase.id, action: "agenda.add_case" } });
    expect(events).toHaveLength(1);
  });

  it("refuses a case whose statement is not attested, and changes nothing", async () => {
    const meetingId = await createFutureMeeting(db, secretary);
    const draft = await createCase(db, { attested: false });
    const error = await expectAppError(() => addCaseToAgenda({ actor: secretary, input: parseInput(ZAddCaseToAgendaSchema, { meetingId, caseId: draft.id }) }), "VALIDATION");
    expect(error.userMessage).toMatch(/inte attesterat/);
    expect(await db.agendaItem.count({ where: { meetingId } })).toBe(0);
  });

  it("refuses a case whose statement changed after attestation (hash no longer matches)", async () => {
    const meetingId = await createFutureMeeting(db, secretary);
    const theCase = await createCase(db);
    const statement = await db.statement.findUniqueOrThrow({ where: { caseId: theCase.id } });
    await db.statementVersion.create({ data: { statementId: statement.id, number: 2, content: { decisionPoints: [{ text: "Annat" }] }, contentHash: "f".repeat(64), authorId: officer.id } });
    await db.statement.update({ where: { id: statement.id }, data: { currentVersion: 2 } });
    await expectAppError(() => addCaseToAgenda({ actor: secretary, input: parseInput(ZAddCaseToAgendaSchema, { meetingId, caseId: theCase.id }) }), "VALIDATION", /inte attesterat/);
  });

  it("refuses a case of another committee with a clear message", async () => {
    const meetingId = await createFutureMeeting(db, secretary);
    const sosCase = await createCase(db, { committeeId: "sos", departmentId: "sos-sos", officer: "sos.handlaggare" });
    // The HÄS secretary cannot even read the SÖS case.
    await expectAppError(() => addCaseToAgenda({ actor: secretary, input: parseInput(ZAddCaseToAgendaSchema, { meetingId, caseId: sosCase.id }) }), "NOT_FOUND");
    const sosMeeting = await createFutureMeeting(db, otherSecretary, { committeeId: "sos" });
    const hasCase = await createCase(db);
    await expectAppError(() => addCaseToAgenda({ actor: otherSecretary, input: parseInput(ZAddCaseToAgendaSchema, { meetingId: sosMeeting, caseId: hasCase.id }) }), "NOT_FOUND");
    expect(await db.agendaItem.count({ where: { meetingId: { in: [meetingId, sosMeeting] } } })).toBe(0);
  });

  it("refuses the same case on two agendas", async () => {
    const first = await createFutureMeeting(db, secretary);
    const second = await createFutureMeeting(db, secretary, { date: daysAhead(60) });
    const theCase = await createCase(db);
    await addCaseToAgenda({ actor: secretary, input: parseInput(ZAddCaseToAgendaSchema, { meetingId: first, caseId: theCase.id }) });
    await expectAppError(() => addCaseToAgenda({ actor: secretary, input: parseInput(ZAddCaseToAgendaSchema, { meetingId: second, caseId: theCase.id }) }), "VALIDATION", /redan på föredragningslistan/);
  });

  it("only the committee's secretary edits the agenda", async () => {
    const meetingId = await createFutureMeeting(db, secretary);
    const theCase = await createCase(db);
    await expectAppError(() => addCaseToAgenda({ actor: officer, input: parseInput(ZAddCaseToAgendaSchema, { meetingId, caseId: theCase.id }) }), "FORBIDDEN");
    await expectAppError(() => addCaseToAgenda({ actor: otherSecretary, input: parseInput(ZAddCaseToAgendaSchema, { meetingId, caseId: theCase.id }) }), "NOT_FOUND");
    await expectAppError(() => addOtherAgendaItem({ actor: chair, input: parseInput(ZAddOtherAgendaItemSchema, { meetingId, kind: "INFORMATION", title: "Info" }) }), "FORBIDDEN");
  });

  it("orders items with up and down and keeps numbers 1..n after a removal", async () => {
    const meetingId = await createFutureMeeting(db, secretary);
    const a = await addOtherAgendaItem({ actor: secretary, input: parseInput(ZAddOtherAgendaItemSchema, { meetingId, kind: "DELEGATION_DECISIONS", title: "Anmälan av delegationsbeslut" }) });
    const b = await addOtherAgendaItem({ actor: secretary, input: parseInput(ZAddOtherAgendaItemSchema, { meetingId, kind: "INFORMATION", title: "Förvaltningschefens information" }) });
    const c = await addOtherAgendaItem({ actor: secretary, input: parseInput(ZAddOtherAgendaItemSchema, { meetingId, kind: "OTHER", title: "Övrigt" }) });
    await moveAgendaItem({ actor: secretary, input: parseInput(ZMoveAgendaItemSchema, { meetingId, itemId: c.id, direction: "up" }) });
    const order = async () => (await db.agendaItem.findMany({ where: { meetingId }, orderBy: { position: "asc" } })).map((item) => [item.id, item.position]);
    expect(await order()).toEqual([
      [a.id, 1],
      [c.id, 2],
      [b.id, 3],
    ]);
    await moveAgendaItem({ actor: secretary, input: parseInput(ZMoveAgendaItemSchema, { meetingId, itemId: a.id, direction: "up" }) }); // already first: no change
    await removeAgendaItem({ actor: secretary, input: parseInput(ZRemoveAgendaItemSchema, { meetingId, itemId: c.id }) });
    expect(await order()).toEqual([
      [a.id, 1],
      [b.id, 2],
    ]);
    await expectAppError(() => moveAgendaItem({ actor: officer, input: parseInput(ZMoveAgendaItemSchema, { meetingId, itemId: a.id, direction: "down" }) }), "FORBIDDEN");
  });

  it("publishes the agenda and sends the kallelse as notices and queued e-mail", async () => {
    const meetingId = await createFutureMeeting(db, secretary);
    const theCase = await createCase(db);
    await addCaseToAgenda({ actor: secretary, input: parseInput(ZAddCaseToAgendaSchema, { meetingId, caseId: theCase.id }) });
    const mailsBefore = await db.mailMessage.count();
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const result = await callMeeting({ actor: secretary, input: parseInput(ZMeetingVersionSchema, { meetingId, version: meeting.version }) });
    const after = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(after.status).toBe("CALLED");
    expect(after.noticeSentAt).not.toBeNull();
    const notices = await db.notification.findMany({ where: { kind: "meeting.called", link: `/sammantraden/${meetingId}` } });
    // Users with roles in HÄS: sekreterare, registrator, ordforande, justerare, annan.ordforande.
    expect(notices).toHaveLength(5);
    expect(notices[0]!.body).toContain(theCase.caseNumber);
    const mails = await db.mailMessage.findMany({ orderBy: { createdAt: "asc" }, skip: mailsBefore });
    expect(mails.every((mail) => mail.status === "QUEUED")).toBe(true);
    expect(mails.map((mail) => mail.toAddress)).toEqual(expect.arrayContaining(["leila@example.org", "maria@example.org", "sekreterare@yttra.example"]));
    expect(result.mailed).toBe(mails.length);
    // A second call is refused (already called).
    await expectAppError(() => callMeeting({ actor: secretary, input: parseInput(ZMeetingVersionSchema, { meetingId, version: after.version }) }), "INVALID_STATE");
  });

  it("refuses a kallelse for a meeting that has already taken place", async () => {
    const { id: meetingId } = await createMeeting({ actor: secretary, input: parseInput(ZCreateMeetingSchema, { committeeId: "has", date: "2024-04-25", time: "18:00", place: "Rummet" }), now: new Date("2024-01-01T00:00:00Z") });
    await addOtherAgendaItem({ actor: secretary, input: parseInput(ZAddOtherAgendaItemSchema, { meetingId, kind: "INFORMATION", title: "Info" }) });
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    await expectAppError(() => callMeeting({ actor: secretary, input: parseInput(ZMeetingVersionSchema, { meetingId, version: meeting.version }) }), "INVALID_STATE", /redan ägt rum/);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe("PLANNED");
    expect(await db.notification.count({ where: { link: `/sammantraden/${meetingId}` } })).toBe(0);
  });

  it("refuses a kallelse with a stale version", async () => {
    const meetingId = await createFutureMeeting(db, secretary);
    await addOtherAgendaItem({ actor: secretary, input: parseInput(ZAddOtherAgendaItemSchema, { meetingId, kind: "INFORMATION", title: "Info" }) });
    await expectAppError(() => callMeeting({ actor: secretary, input: parseInput(ZMeetingVersionSchema, { meetingId, version: 1 }) }), "CONFLICT");
  });

  it("gives the export an agenda read model with item numbers and proposals", async () => {
    const meetingId = await createFutureMeeting(db, secretary);
    const theCase = await createCase(db);
    await addOtherAgendaItem({ actor: secretary, input: parseInput(ZAddOtherAgendaItemSchema, { meetingId, kind: "DELEGATION_DECISIONS", title: "Anmälan av delegationsbeslut" }) });
    await addCaseToAgenda({ actor: secretary, input: parseInput(ZAddCaseToAgendaSchema, { meetingId, caseId: theCase.id }) });
    const agenda = await getAgendaForExport({ actor: secretary, meetingId });
    expect(agenda.items.map((item) => [item.number, item.caseNumber])).toEqual([
      [1, null],
      [2, theCase.caseNumber],
    ]);
    expect(agenda.items[1]).toMatchObject({ caseOfficer: "Clas Cederlid", proposal: [PROPOSAL] });
    await expectAppError(getAgendaForExport({ actor: otherSecretary, meetingId }), "NOT_FOUND");
  });
});

describe("union consultation", () => {
  it("records when the unions were informed and phrases it for Ärendets beredning, each case's own, oldest first", async () => {
    const theCase = await createCase(db);
    const other = await createCase(db);
    await recordUnionConsultation({ actor: officer, input: parseInput(ZUnionConsultationSchema, { caseId: theCase.id, forum: "FSG", date: "2024-05-02" }) });
    await recordUnionConsultation({ actor: officer, input: parseInput(ZUnionConsultationSchema, { caseId: theCase.id, forum: "förvaltningsgrupp", date: "2024-04-16" }) });
    await recordUnionConsultation({ actor: officer, input: parseInput(ZUnionConsultationSchema, { caseId: other.id, forum: "MBL", date: "2024-04-01" }) });
    const byCase = await getUnionConsultationsByCase([theCase.id, other.id]);
    const rows = byCase.get(theCase.id)!;
    expect(rows.map((row) => row.sentence)).toEqual([
      "De fackliga organisationerna informerades på förvaltningsgrupp den 16 april 2024.",
      "De fackliga organisationerna informerades på FSG den 2 maj 2024.",
    ]);
    expect(byCase.get(other.id)!.map((row) => row.forum)).toEqual(["MBL"]);
    expect(await db.auditEvent.count({ where: { caseId: theCase.id, action: "union_consultation.record" } })).toBe(2);
  });

  it("refuses union information from another committee's handläggare", async () => {
    const theCase = await createCase(db);
    const sosOfficer = await actorFor(db, "sos.handlaggare");
    await expectAppError(() => recordUnionConsultation({ actor: sosOfficer, input: parseInput(ZUnionConsultationSchema, { caseId: theCase.id, forum: "FSG", date: "2024-04-16" }) }), "NOT_FOUND");
    expect((await getUnionConsultationsByCase([theCase.id])).get(theCase.id)).toBeUndefined();
  });
});

describe("the attested statement behind an agenda item", () => {
  it("refuses an attested version that no longer reads as a statement with INVALID_STATE and a Swedish message, not a crash", async () => {
    const theCase = await createCase(db, { attested: false });
    const statement = await db.statement.findUniqueOrThrow({ where: { caseId: theCase.id }, include: { versions: true } });
    // Attested content the current schema does not accept (as after a schema change): the
    // attestation itself is intact, written the way the attestation engine writes it.
    const content = { ...(statement.versions[0]!.content as Record<string, unknown>), retiredField: "från en äldre version" };
    const contentHash = contentHashOf(content, CURRENT_HASH_SCHEME);
    await db.statementVersion.update({ where: { id: statement.versions[0]!.id }, data: { content, contentHash: contentHashOf(content, 1) } });
    await db.statement.update({ where: { id: statement.id }, data: { status: "ATTESTED" } });
    const head = await db.user.findUniqueOrThrow({ where: { username: "linda.palo" } });
    const attestedAt = new Date();
    const request = await db.attestationRequest.create({
      data: {
        subjectType: "STATEMENT",
        subjectId: statement.id,
        caseId: theCase.id,
        versionNumber: 1,
        contentHash,
        hashScheme: CURRENT_HASH_SCHEME,
        status: "COMPLETED",
        completedAt: attestedAt,
        verificationCode: "TEST-SCHE-MA01",
        requestedById: officer.id,
        steps: { create: { position: 1, assigneeId: head.id, role: "DEPARTMENT_HEAD", status: "ATTESTED", attestedAt, attesterName: head.name, attesterTitle: head.title, authMethod: "Lösenord (inloggning)", attestedHash: contentHash } },
      },
      include: { steps: true },
    });
    await db.$transaction((tx) =>
      recordAudit(tx, { actorId: head.id, action: ATTEST_ACTION, entityType: STEP_ENTITY, entityId: request.steps[0]!.id, data: attestAuditData(request.steps[0]!) }),
    );

    await expectAppError(getAttestedStatement(db, theCase.id), "INVALID_STATE", /attesterade version kan inte läsas/);
    const meetingId = await createFutureMeeting(db, secretary);
    await expectAppError(() => addCaseToAgenda({ actor: secretary, input: parseInput(ZAddCaseToAgendaSchema, { meetingId, caseId: theCase.id }) }), "INVALID_STATE");
  });
});
