// Dates obey the meeting: no decision, minutes or justering before the meeting has started,
// anslag and appeal period from the day of the justering, dispatch from the meeting's day up
// to today — refused with a Swedish message that changes nothing, and the pages offer only
// what the services accept (the same rules in src/features/meetings/dates.ts).
import { describe, expect, it } from "vitest";
import { recordDecision } from "@/features/meetings/server/decision-service";
import { closeCaseAsAnswered, dispatchDecision } from "@/features/meetings/server/dispatch-service";
import { getExtractView, getMeetingDetail, getMinutesView } from "@/features/meetings/server/meeting-page-queries";
import { approveMinutes, saveMinutes } from "@/features/meetings/server/minutes-service";
import { formatDateOnly, todayInStockholm } from "@/lib/dates";
import { statutoryLastDay } from "@/lib/swedish-holidays";
import { createTestDatabase } from "../support/database";
import { calledMeetingWithCase, daysAhead, expectAppError, minutesInApproval as sharedMinutesInApproval, setupMeetingsWorldWithActors } from "./meetings-fixtures";
import { ZCloseAnsweredSchema, ZDispatchSchema, ZRecordDecisionSchema } from "@/features/meetings/schemas";
import { parseInput } from "@/server/validation";

const { db } = await createTestDatabase();

const { secretary, chair, checker } = await setupMeetingsWorldWithActors(db);

const HOUR_MS = 3_600_000;

/** Rows a refused write must leave as they were. */
const counts = async () => ({
  decisions: await db.decision.count(),
  minutes: await db.minutes.count(),
  dispatches: await db.dispatch.count(),
  documents: await db.caseDocument.count(),
  audit: await db.auditEvent.count(),
});

/** A started meeting with its one case decided and the minutes out for justering. */
const minutesInApproval = async () => {
  const world = await sharedMinutesInApproval(db, { secretary, chair, checker });
  const { startsAt } = await db.meeting.findUniqueOrThrow({ where: { id: world.meetingId } });
  return { ...world, startsAt };
};

describe("before the meeting has started", () => {
  it("refuses a decision on a called meeting with a Swedish message, records nothing, and accepts it once the meeting has begun", async () => {
    const world = await calledMeetingWithCase(db, secretary, { date: daysAhead(10), time: "18:00" });
    const before = await counts();
    await expectAppError(
      () => recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId: world.meetingId, agendaItemId: world.itemId, kind: "AS_PROPOSED" }) }),
      "INVALID_STATE",
      /^Beslut kan registreras först när sammanträdet har börjat \(\d{4}-\d{2}-\d{2} kl\. 18\.00\)\.$/,
    );
    expect(await counts()).toEqual(before);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: world.meetingId } })).status).toBe("CALLED");

    const { startsAt } = await db.meeting.findUniqueOrThrow({ where: { id: world.meetingId } });
    await expectAppError(
      () => recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId: world.meetingId, agendaItemId: world.itemId, kind: "AS_PROPOSED" }), now: new Date(startsAt.getTime() - 60_000) }),
      "INVALID_STATE",
      /först när sammanträdet har börjat/,
    );
    await recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId: world.meetingId, agendaItemId: world.itemId, kind: "AS_PROPOSED" }), now: startsAt });
    expect(await db.decision.count({ where: { agendaItemId: world.itemId } })).toBe(1);
  });

  it("refuses to create the minutes and says why on the meeting and minutes pages, which offer no forms", async () => {
    const world = await calledMeetingWithCase(db, secretary, { date: daysAhead(12) });
    const before = await counts();
    await expectAppError(
      saveMinutes({ actor: secretary, input: { meetingId: world.meetingId, chairId: chair.id, checkerId: checker.id } }),
      "INVALID_STATE",
      /^Protokoll kan skrivas först när sammanträdet har börjat/,
    );
    expect(await counts()).toEqual(before);

    const detail = await getMeetingDetail({ actor: secretary, meetingId: world.meetingId });
    expect(detail.decisionsNotYet).toMatch(/^Beslut kan registreras först när sammanträdet har börjat/);
    expect((await getMinutesView({ actor: secretary, meetingId: world.meetingId })).minutesNotYet).toMatch(/^Protokoll kan skrivas först/);
    const started = await calledMeetingWithCase(db, secretary);
    expect((await getMeetingDetail({ actor: secretary, meetingId: started.meetingId })).decisionsNotYet).toBeNull();
    expect((await getMinutesView({ actor: secretary, meetingId: started.meetingId })).minutesNotYet).toBeNull();
  });

  it("refuses a justering dated before the meeting: no step attested, nothing posted", async () => {
    const world = await minutesInApproval();
    const early = new Date(world.startsAt.getTime() - 24 * HOUR_MS);
    await expectAppError(
      approveMinutes({ actor: chair, input: { minutesId: world.minutesId, contentHash: world.contentHash }, now: early }),
      "INVALID_STATE",
      /^Protokollet kan justeras först när sammanträdet har börjat/,
    );
    const steps = await db.attestationStep.findMany({ where: { request: { subjectType: "MINUTES", subjectId: world.minutesId } } });
    expect(steps.map((step) => step.status)).toEqual(["WAITING", "WAITING"]);
    expect(await db.minutes.findUniqueOrThrow({ where: { id: world.minutesId } })).toMatchObject({ status: "IN_APPROVAL", postedDate: null, appealEndsOn: null });
  });
});

describe("anslag", () => {
  it("posts the minutes on the day of the last justering and ends the appeal period three weeks after it", async () => {
    const world = await minutesInApproval();
    // Justerade the day after the meeting, 10.00 Stockholm time.
    const first = new Date(world.startsAt.getTime() + 16 * HOUR_MS);
    const last = new Date(world.startsAt.getTime() + 17 * HOUR_MS);
    await approveMinutes({ actor: chair, input: { minutesId: world.minutesId, contentHash: world.contentHash }, now: first });
    const result = await approveMinutes({ actor: checker, input: { minutesId: world.minutesId, contentHash: world.contentHash }, now: last });
    const day = daysAhead(-1);
    const threeWeeksLater = statutoryLastDay(formatDateOnly(new Date(Date.parse(`${day}T00:00:00Z`) + 21 * 24 * HOUR_MS)));
    expect(result).toEqual({ completed: true, postedDate: day, appealEndsOn: threeWeeksLater });
    const minutes = await db.minutes.findUniqueOrThrow({ where: { id: world.minutesId } });
    expect([formatDateOnly(minutes.postedDate), formatDateOnly(minutes.appealEndsOn)]).toEqual([day, threeWeeksLater]);
  });
});

describe("expediering", () => {
  const approved = async () => {
    const world = await minutesInApproval();
    await approveMinutes({ actor: chair, input: { minutesId: world.minutesId, contentHash: world.contentHash } });
    await approveMinutes({ actor: checker, input: { minutesId: world.minutesId, contentHash: world.contentHash } });
    return world;
  };

  it("refuses a date in the future or before the meeting with a Swedish message, and registers nothing", async () => {
    const world = await approved();
    const before = await counts();
    const attempt = (sentDate: string) => dispatchDecision({ actor: secretary, input: parseInput(ZDispatchSchema, { decisionId: world.decisionId, recipients: ["Kommunstyrelsen"], sentDate }) });
    const future = await expectAppError(attempt(daysAhead(2)), "VALIDATION", /^Expedieringsdatumet kan inte vara i framtiden \(senast \d{4}-\d{2}-\d{2}\)\.$/);
    expect(future.fieldErrors?.sentDate).toHaveLength(1);
    await expectAppError(attempt(daysAhead(-3)), "VALIDATION", new RegExp(`^Expedieringsdatumet kan inte vara före sammanträdet \\(${daysAhead(-2)}\\)\\.$`));
    expect(await counts()).toEqual(before);
  });

  it("offers the dispatch form the same range: from the meeting's day to today", async () => {
    const world = await approved();
    const view = await getExtractView({ actor: secretary, decisionId: world.decisionId });
    expect(view.dispatchDates).toEqual({ min: daysAhead(-2), max: todayInStockholm() });
  });

  it("closes the case as answered on the day of the decision, not the day of the dispatch", async () => {
    const world = await approved();
    await dispatchDecision({ actor: secretary, input: parseInput(ZDispatchSchema, { decisionId: world.decisionId, recipients: ["Kommunstyrelsen"], sentDate: todayInStockholm() }) });
    const theCase = await db.case.findUniqueOrThrow({ where: { id: world.caseId } });
    const { answeredDate } = await closeCaseAsAnswered({ actor: secretary, input: parseInput(ZCloseAnsweredSchema, { caseId: world.caseId, version: theCase.version }) });
    expect(answeredDate).toBe(daysAhead(-2));
    expect(formatDateOnly((await db.case.findUniqueOrThrow({ where: { id: world.caseId } })).answeredDate)).toBe(daysAhead(-2));
  });
});
