import { describe, expect, it } from "vitest";
import { formatDateOnly } from "./dates";
import { easterSunday, isSwedishWorkingDay, statutoryLastDay, swedishPublicHolidays } from "./swedish-holidays";

describe("Swedish public holidays", () => {
  it("computes Easter Sunday, including the earliest and latest possible dates", () => {
    const easters: Record<number, string> = { 2008: "2008-03-23", 2011: "2011-04-24", 2019: "2019-04-21", 2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05", 2038: "2038-04-25", 2285: "2285-03-22" };
    for (const [year, date] of Object.entries(easters)) expect(formatDateOnly(easterSunday(Number(year)))).toBe(date);
  });

  it("lists the thirteen allmänna helgdagar of 2024 with the movable ones in place", () => {
    expect(swedishPublicHolidays(2024)).toEqual([
      { date: "2024-01-01", name: "Nyårsdagen" },
      { date: "2024-01-06", name: "Trettondedag jul" },
      { date: "2024-03-29", name: "Långfredagen" },
      { date: "2024-03-31", name: "Påskdagen" },
      { date: "2024-04-01", name: "Annandag påsk" },
      { date: "2024-05-01", name: "Första maj" },
      { date: "2024-05-09", name: "Kristi himmelsfärdsdag" },
      { date: "2024-05-19", name: "Pingstdagen" },
      { date: "2024-06-06", name: "Sveriges nationaldag" },
      { date: "2024-06-22", name: "Midsommardagen" },
      { date: "2024-11-02", name: "Alla helgons dag" },
      { date: "2024-12-25", name: "Juldagen" },
      { date: "2024-12-26", name: "Annandag jul" },
    ]);
  });

  it("puts midsommardagen and alla helgons dag on the Saturday of their windows, also at the window's edges", () => {
    const named = (year: number, name: string) => swedishPublicHolidays(year).find((holiday) => holiday.name === name)?.date;
    expect(named(2020, "Midsommardagen")).toBe("2020-06-20");
    expect(named(2026, "Midsommardagen")).toBe("2026-06-20");
    expect(named(2021, "Midsommardagen")).toBe("2021-06-26");
    expect(named(2020, "Alla helgons dag")).toBe("2020-10-31");
    expect(named(2025, "Alla helgons dag")).toBe("2025-11-01");
    expect(named(2021, "Alla helgons dag")).toBe("2021-11-06");
  });
});

describe("the last day of a statutory period (lag (1930:173))", () => {
  it("keeps an ordinary weekday", () => {
    expect(statutoryLastDay("2024-05-20")).toBe("2024-05-20");
    expect(isSwedishWorkingDay("2024-05-20")).toBe(true);
  });

  it("moves a Saturday or a Sunday to the Monday", () => {
    expect(statutoryLastDay("2024-05-25")).toBe("2024-05-27");
    expect(statutoryLastDay("2024-05-26")).toBe("2024-05-27");
  });

  it("moves a holiday to the next weekday, past a following weekend or holiday", () => {
    // Långfredagen → past Easter weekend and annandag påsk.
    expect(statutoryLastDay("2024-03-29")).toBe("2024-04-02");
    expect(statutoryLastDay("2024-05-09")).toBe("2024-05-10");
    expect(statutoryLastDay("2024-06-06")).toBe("2024-06-07");
    expect(statutoryLastDay("2025-01-06")).toBe("2025-01-07");
  });

  it("treats midsommarafton, julafton and nyårsafton like holidays", () => {
    expect(statutoryLastDay("2024-06-21")).toBe("2024-06-24");
    expect(statutoryLastDay("2024-12-24")).toBe("2024-12-27");
    expect(statutoryLastDay("2025-12-31")).toBe("2026-01-02");
  });
});
