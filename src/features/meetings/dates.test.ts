import { describe, expect, it } from "vitest";
import { decisionDate, dispatchDateProblem, dispatchDateRange, meetingHasStarted, notBeforeMeeting, postingDates, stockholmDateTimeToInstant } from "./dates";

// 2024-04-25 kl. 18.00 in Stockholm is 16:00 UTC (summer time).
const startsAt = stockholmDateTimeToInstant("2024-04-25", "18:00");
const at = (iso: string) => new Date(iso);

describe("what the meeting's time allows", () => {
  it("counts the meeting as started from its starting minute, not a minute earlier", () => {
    expect(startsAt.toISOString()).toBe("2024-04-25T16:00:00.000Z");
    expect(meetingHasStarted(startsAt, at("2024-04-25T15:59:59.999Z"))).toBe(false);
    expect(meetingHasStarted(startsAt, at("2024-04-25T16:00:00.000Z"))).toBe(true);
  });

  it("refuses decisions, minutes and justering before the meeting with a Swedish message naming its time", () => {
    const early = at("2024-04-25T12:00:00Z");
    expect(notBeforeMeeting("decision", startsAt, early)).toBe("Beslut kan registreras först när sammanträdet har börjat (2024-04-25 kl. 18.00).");
    expect(notBeforeMeeting("minutes", startsAt, early)).toMatch(/^Protokoll kan skrivas först när sammanträdet har börjat/);
    expect(notBeforeMeeting("justering", startsAt, early)).toMatch(/^Protokollet kan justeras först när sammanträdet har börjat/);
    for (const step of ["decision", "minutes", "justering"] as const) expect(notBeforeMeeting(step, startsAt, at("2024-04-25T16:30:00Z"))).toBeNull();
  });

  it("dates the decision on the meeting's day in Stockholm, also for a meeting late in the evening", () => {
    expect(decisionDate(startsAt)).toBe("2024-04-25");
    // 23.30 in Stockholm is 21:30 UTC in summer: still the 25th.
    expect(decisionDate(stockholmDateTimeToInstant("2024-04-25", "23:30"))).toBe("2024-04-25");
  });

  it("posts the minutes on the day of the justering and ends the appeal period three weeks later", () => {
    expect(postingDates(at("2024-04-29T08:00:00Z"))).toEqual({ postedDate: "2024-04-29", appealEndsOn: "2024-05-20" });
    // A justering at 00.30 Stockholm time belongs to that day, not to the day before in UTC.
    expect(postingDates(at("2024-04-28T22:30:00Z"))).toEqual({ postedDate: "2024-04-29", appealEndsOn: "2024-05-20" });
  });

  it("moves the last day to appeal past a weekend or a holiday to the next weekday", () => {
    // Posted on a Saturday: three weeks later is a Saturday → Monday.
    expect(postingDates(at("2024-05-04T08:00:00Z")).appealEndsOn).toBe("2024-05-27");
    // 2024-04-18 + 21 days = Kristi himmelsfärdsdag (2024-05-09) → Friday.
    expect(postingDates(at("2024-04-18T08:00:00Z")).appealEndsOn).toBe("2024-05-10");
    // 2024-12-03 + 21 days = julafton → past juldagen, annandag jul → Friday 27th.
    expect(postingDates(at("2024-12-03T08:00:00Z")).appealEndsOn).toBe("2024-12-27");
  });

  it("allows an expedieringsdatum from the meeting's day up to today, and explains the rest", () => {
    const now = at("2024-05-02T10:00:00Z");
    expect(dispatchDateRange(startsAt, now)).toEqual({ min: "2024-04-25", max: "2024-05-02" });
    expect(dispatchDateProblem("2024-04-25", startsAt, now)).toBeNull();
    expect(dispatchDateProblem("2024-05-02", startsAt, now)).toBeNull();
    expect(dispatchDateProblem("2024-04-24", startsAt, now)).toBe("Expedieringsdatumet kan inte vara före sammanträdet (2024-04-25).");
    expect(dispatchDateProblem("2024-05-03", startsAt, now)).toBe("Expedieringsdatumet kan inte vara i framtiden (senast 2024-05-02).");
  });
});
