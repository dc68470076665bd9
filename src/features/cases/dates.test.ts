import { describe, expect, it } from "vitest";
import { addYears, describeDueDate, formatDateTime, todayInStockholm } from "./dates";

describe("diarium dates", () => {
  it("takes today's date in Stockholm, not in UTC", () => {
    expect(todayInStockholm(new Date("2024-04-24T22:30:00Z"))).toBe("2024-04-25");
    expect(formatDateTime(new Date("2024-04-25T12:05:00Z"))).toBe("2024-04-25 14:05");
  });

  it("puts the one-year deadline of a motion raised on 29 February on 28 February", () => {
    expect(addYears("2024-01-24", 1)).toBe("2025-01-24");
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
  });

  it("describes days left and days overdue in Swedish", () => {
    expect(describeDueDate("2024-05-03", "2024-04-25")).toEqual({ text: "8 dagar kvar", overdue: false });
    expect(describeDueDate("2024-05-03", "2024-05-02")).toEqual({ text: "1 dag kvar", overdue: false });
    expect(describeDueDate("2024-05-03", "2024-05-03")).toEqual({ text: "sista dagen i dag", overdue: false });
    expect(describeDueDate("2024-05-03", "2024-05-04")).toEqual({ text: "försenat 1 dag", overdue: true });
    expect(describeDueDate("2024-05-03", "2024-05-13")).toEqual({ text: "försenat 10 dagar", overdue: true });
  });
});
