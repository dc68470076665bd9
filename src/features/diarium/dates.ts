// Dates as the diarium shows them: ISO (2024-04-25), in Europe/Stockholm. Date-only columns
// (@db.Date) arrive as UTC midnight, so they are formatted in UTC; timestamps are formatted
// in Stockholm time so that a registration at 00:30 local time gets the right day.
const STOCKHOLM_DAY = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" });

const DAY_MS = 86_400_000;

/** "2024-04-25" for a date-only value (UTC midnight). */
export const formatDateOnly = (date: Date | null | undefined): string => (date ? date.toISOString().slice(0, 10) : "");

/** "2024-04-25" for a point in time, as the calendar day in Stockholm. */
export const formatStockholmDay = (date: Date | null | undefined): string => (date ? STOCKHOLM_DAY.format(date) : "");

/** Today in Stockholm as a date-only value (UTC midnight), comparable with @db.Date columns. */
export const stockholmToday = (now: Date = new Date()): Date => new Date(`${STOCKHOLM_DAY.format(now)}T00:00:00.000Z`);

export const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * DAY_MS);

/** Whole days from `from` to `to` (both date-only values): negative when `to` has passed. */
export const daysBetween = (from: Date, to: Date): number => Math.round((to.getTime() - from.getTime()) / DAY_MS);

/** "5 dagar kvar", "förfaller i dag", "försenad 3 dagar" — the text, never only a colour. */
export const describeDaysLeft = (daysLeft: number): string => {
  if (daysLeft === 0) return "Förfaller i dag";
  if (daysLeft > 0) return daysLeft === 1 ? "1 dag kvar" : `${daysLeft} dagar kvar`;
  const overdue = -daysLeft;
  return overdue === 1 ? "Försenad 1 dag" : `Försenad ${overdue} dagar`;
};
