import { describe, expect, it } from "vitest";
import { describeDaysLeft, describeDueDate } from "./due-dates";

describe("deadlines in words", () => {
  it("describes days left and days overdue, not only in colour", () => {
    expect([describeDaysLeft(3), describeDaysLeft(1), describeDaysLeft(0), describeDaysLeft(-1), describeDaysLeft(-5)]).toEqual([
      "3 dagar kvar",
      "1 dag kvar",
      "förfaller i dag",
      "försenad 1 dag",
      "försenad 5 dagar",
    ]);
  });

  it("counts calendar days between two dates", () => {
    expect(describeDueDate("2024-05-03", "2024-04-25")).toEqual({ text: "8 dagar kvar", overdue: false });
    expect(describeDueDate("2024-05-03", "2024-05-03")).toEqual({ text: "förfaller i dag", overdue: false });
    expect(describeDueDate("2024-05-03", "2024-05-13")).toEqual({ text: "försenad 10 dagar", overdue: true });
    // Across the switch to summer time (31 March 2024) a day is still a day.
    expect(describeDueDate("2024-04-01", "2024-03-30")).toEqual({ text: "2 dagar kvar", overdue: false });
  });
});
