// Historiska poster: past meetings recorded afterwards with their original § and agenda
// numbers and justerade minutes, and the committee's § counter starting at any number.
import { beforeAll, describe, expect, it } from "vitest";
import { allocateParagraph } from "@/features/meetings/server/decision-service";
import { approveHistoricalMinutes, createHistoricalMeeting, recordHistoricalDecision, setNextParagraph } from "@/features/meetings/server/historical-meetings";
import { getMeetingDetail, getMeetingPlan } from "@/features/meetings/server/meeting-page-queries";
import { saveMinutes } from "@/features/meetings/server/minutes-service";
import { ZApproveHistoricalMinutesSchema, ZCreateHistoricalMeetingSchema, ZCreateMinutesSchema, ZHistoricalDecisionSchema, ZSetNextParagraphSchema } from "@/features/meetings/schemas";
import type { Actor } from "@/server/auth/actor";
import { parseInput } from "@/server/validation";
import { createTestDatabase } from "../support/database";
import { actorFor, expectAppError, setupMeetingsWorld } from "./meetings-fixtures";

const { db } = await createTestDatabase();

let secretary: Actor;
let sosSecretary: Actor;
let clas: Actor;
let meetingId: string;

beforeAll(async () => {
  await setupMeetingsWorld(db);
  secretary = await actorFor(db, "sekreterare");
  sosSecretary = await actorFor(db, "sos.sekreterare");
  clas = await actorFor(db, "clas.cederlid");
});

const createInput = (overrides: Record<string, unknown> = {}) =>
  parseInput(ZCreateHistoricalMeetingSchema, { committeeId: "has", date: "2019-03-14", time: "18:00", place: "Sammanträdesrummet, Svandammsvägen 18", ...overrides });

const decisionInput = (overrides: Record<string, unknown> = {}) =>
  parseInput(ZHistoricalDecisionSchema, {
    meetingId,
    agendaNumber: 3,
    paragraph: 45,
    title: "Svar på remiss om öppna drogscener",
    kind: "AS_PROPOSED",
    decisionPoints: ["Nämnden godkänner förvaltningens tjänsteutlåtande."],
    ...overrides,
  });

describe("historical meetings", () => {
  it("records a past meeting as a historical post, and only a past one, only by the committee's secretary", async () => {
    ({ id: meetingId } = await createHistoricalMeeting({ actor: secretary, input: createInput() }));
    expect(await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { historical: true, status: true } })).toEqual({ historical: true, status: "HELD" });
    const future = await expectAppError(() => createHistoricalMeeting({ actor: secretary, input: createInput({ date: "2099-01-01" }) }), "VALIDATION");
    expect(future.fieldErrors?.date?.[0]).toMatch(/redan ägt rum/);
    // Another committee's secretary does not even see the committee; a handläggare sees it but may not edit.
    await expectAppError(() => createHistoricalMeeting({ actor: sosSecretary, input: createInput() }), "NOT_FOUND");
    await expectAppError(() => createHistoricalMeeting({ actor: clas, input: createInput() }), "FORBIDDEN");
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: meetingId } });
    expect(event).toMatchObject({ action: "meeting.create_historical", data: expect.objectContaining({ meetingDate: "2019-03-14" }) });
  });

  it("enters decisions with their original § and agenda numbers in the meeting's year, linked to the case by its number", async () => {
    const theCase = await db.case.findFirstOrThrow({ where: { committeeId: "has", caseNumber: "HÄS 2024/1" } });
    const recorded = await recordHistoricalDecision({ actor: secretary, input: decisionInput({ caseNumber: "HÄS 2024/1" }) });
    expect(recorded).toMatchObject({ paragraph: 45, year: 2019 });
    const decision = await db.decision.findUniqueOrThrow({ where: { id: recorded.id }, include: { agendaItem: true } });
    expect(decision).toMatchObject({ paragraph: 45, year: 2019, committeeId: "has", agendaItem: { position: 3, caseId: theCase.id, kind: "CASE" } });
    await recordHistoricalDecision({ actor: secretary, input: decisionInput({ agendaNumber: 1, paragraph: 43, title: "Anmälan av delegationsbeslut" }) });
    const detail = await getMeetingDetail({ actor: secretary, meetingId });
    expect(detail).toMatchObject({ historical: true });
    expect(detail.items.map((item) => [item.position, item.decision?.paragraph])).toEqual([
      [1, 43],
      [3, 45],
    ]);
  });

  it("refuses a § or agenda number already taken, and an unknown case number", async () => {
    const paragraph = await expectAppError(() => recordHistoricalDecision({ actor: secretary, input: decisionInput({ agendaNumber: 4 }) }), "CONFLICT");
    expect(paragraph.fieldErrors?.paragraph?.[0]).toMatch(/§ 45\/2019 finns redan/);
    const agenda = await expectAppError(() => recordHistoricalDecision({ actor: secretary, input: decisionInput({ paragraph: 46 }) }), "CONFLICT");
    expect(agenda.fieldErrors?.agendaNumber?.[0]).toMatch(/Punkt 3 finns redan/);
    const unknown = await expectAppError(() => recordHistoricalDecision({ actor: secretary, input: decisionInput({ agendaNumber: 5, paragraph: 47, caseNumber: "SÖS 2024/1" }) }), "VALIDATION");
    expect(unknown.fieldErrors?.caseNumber?.[0]).toMatch(/inget ärende med diarienummer SÖS 2024\/1/);
    expect(await db.decision.count({ where: { agendaItem: { meetingId } } })).toBe(2);
  });

  it("keeps a historical meeting out of the kallelse and justering flow", async () => {
    const [chair, checker] = await Promise.all([actorFor(db, "ordforande"), actorFor(db, "justerare")]);
    const error = await expectAppError(() => saveMinutes({ actor: secretary, input: parseInput(ZCreateMinutesSchema, { meetingId, chairId: chair.id, checkerId: checker.id }) }), "INVALID_STATE");
    expect(error.userMessage).toMatch(/historiskt protokoll/);
    expect(await db.minutes.count({ where: { meetingId } })).toBe(0);
  });

  it("records the minutes as justerade on their date, and locks the meeting", async () => {
    const { version } = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const approve = (approvedOn: string) => approveHistoricalMinutes({ actor: secretary, input: parseInput(ZApproveHistoricalMinutesSchema, { meetingId, version, approvedOn }) });
    await expectAppError(() => approve("2019-03-13"), "VALIDATION");
    await approve("2019-03-20");
    expect(await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { status: true, historicalApprovedOn: true } })).toEqual({ status: "APPROVED", historicalApprovedOn: new Date("2019-03-20T00:00:00Z") });
    await expectAppError(() => recordHistoricalDecision({ actor: secretary, input: decisionInput({ agendaNumber: 6, paragraph: 48 }) }), "INVALID_STATE");
    const plan = await getMeetingPlan({ actor: secretary, committeeId: "has", year: 2019 });
    expect(plan.meetings).toEqual([expect.objectContaining({ id: meetingId, historical: true, status: "APPROVED" })]);
  });

  it("refuses decisions with chosen § on a meeting that is not historical", async () => {
    const regular = await db.meeting.create({ data: { committeeId: "has", startsAt: new Date("2019-04-10T16:00:00Z"), place: "Rummet", status: "HELD", createdById: secretary.id } });
    await expectAppError(() => recordHistoricalDecision({ actor: secretary, input: decisionInput({ meetingId: regular.id, paragraph: 60 }) }), "INVALID_STATE");
  });
});

describe("the § counter", () => {
  const setNext = (actor: Actor, year: number, nextParagraph: number) => setNextParagraph({ actor, input: parseInput(ZSetNextParagraphSchema, { committeeId: "has", year, nextParagraph }) });
  const allocate = (year: number) => db.$transaction((tx) => allocateParagraph(tx, "has", year));

  it("starts at any number the secretary sets, audited", async () => {
    await setNext(secretary, 2027, 100);
    expect(await allocate(2027)).toBe(100);
    expect(await allocate(2027)).toBe(101);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "paragraph_counter.set" } });
    expect(event.data).toMatchObject({ committee: "HÄS", year: 2027, nextParagraph: 100 });
  });

  it("is never set at or below a § already given that year, nor by anyone but the committee's secretary", async () => {
    const error = await expectAppError(() => setNext(secretary, 2019, 45), "VALIDATION");
    expect(error.fieldErrors?.nextParagraph?.[0]).toMatch(/§ 45 är redan given 2019/);
    await expectAppError(() => setNext(sosSecretary, 2028, 10), "NOT_FOUND");
    await expectAppError(() => setNext(clas, 2028, 10), "FORBIDDEN");
  });

  it("skips a § taken by a historical decision", async () => {
    ({ id: meetingId } = await createHistoricalMeeting({ actor: secretary, input: createInput({ date: "2020-02-06" }) }));
    await recordHistoricalDecision({ actor: secretary, input: decisionInput({ agendaNumber: 1, paragraph: 2 }) });
    expect(await allocate(2020)).toBe(1);
    expect(await allocate(2020)).toBe(3);
  });
});
