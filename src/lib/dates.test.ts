import { describe, expect, it } from "vitest";
import { addYears, formatDate, formatDateOnly, formatDateTime, formatTime, longSwedishDate, stockholmToday, todayInStockholm } from "./dates";

describe("dates", () => {
  it("takes the day of an instant in Stockholm, not in UTC", () => {
    expect(todayInStockholm(new Date("2024-04-24T22:30:00Z"))).toBe("2024-04-25");
    // 23:30 UTC on 31 December is already 1 January in Stockholm.
    expect(formatDate(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01");
    expect(stockholmToday(new Date("2025-12-31T23:30:00Z")).toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });

  it("writes times in 24 hours, in summer and winter time, also from an ISO string", () => {
    expect(formatDateTime(new Date("2024-04-25T12:05:00Z"))).toBe("2024-04-25 14:05");
    expect(formatTime("2024-01-15T08:42:00.000Z")).toBe("09:42");
    expect(formatDateTime(null)).toBe("");
  });

  it("shows a calendar date as its own day whatever the time zone", () => {
    expect(formatDateOnly(new Date("2024-04-16T00:00:00.000Z"))).toBe("2024-04-16");
    expect(longSwedishDate(new Date("2024-04-16T00:00:00.000Z"))).toBe("16 april 2024");
  });

  it("puts the one-year deadline of a motion raised on 29 February on 28 February", () => {
    expect(addYears("2024-01-24", 1)).toBe("2025-01-24");
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
  });
});
