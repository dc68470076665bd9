// Swedish public holidays (lag (1989:253) om allmänna helgdagar) and the rule of lag
// (1930:173) om beräkning av lagstadgad tid: a period whose last day falls on a Saturday,
// a Sunday, a public holiday, midsommarafton, julafton or nyårsafton ends on the next
// weekday instead. Dates are ISO strings ("2024-04-25"), computed on the calendar (UTC
// midnight), never on the clock.
import { addDays, formatDateOnly, isoDateToDb } from "./dates";

const utc = (year: number, month: number, day: number): Date => new Date(Date.UTC(year, month - 1, day));

/** Easter Sunday of the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm). */
export const easterSunday = (year: number): Date => {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month, day);
};

/** The first date from `from` (inclusive) in the same year that falls on `weekday` (0 = Sunday). */
const firstWeekdayFrom = (from: Date, weekday: number): Date => addDays(from, (weekday - from.getUTCDay() + 7) % 7);

/** The year's allmänna helgdagar, by name (Sundays are holidays too, but not listed). */
export const swedishPublicHolidays = (year: number): { date: string; name: string }[] => {
  const easter = easterSunday(year);
  const midsummerDay = firstWeekdayFrom(utc(year, 6, 20), 6);
  const allSaintsDay = firstWeekdayFrom(utc(year, 10, 31), 6);
  return [
    { date: utc(year, 1, 1), name: "Nyårsdagen" },
    { date: utc(year, 1, 6), name: "Trettondedag jul" },
    { date: addDays(easter, -2), name: "Långfredagen" },
    { date: easter, name: "Påskdagen" },
    { date: addDays(easter, 1), name: "Annandag påsk" },
    { date: utc(year, 5, 1), name: "Första maj" },
    { date: addDays(easter, 39), name: "Kristi himmelsfärdsdag" },
    { date: addDays(easter, 49), name: "Pingstdagen" },
    { date: utc(year, 6, 6), name: "Sveriges nationaldag" },
    { date: midsummerDay, name: "Midsommardagen" },
    { date: allSaintsDay, name: "Alla helgons dag" },
    { date: utc(year, 12, 25), name: "Juldagen" },
    { date: utc(year, 12, 26), name: "Annandag jul" },
  ]
    .map((holiday) => ({ date: formatDateOnly(holiday.date), name: holiday.name }))
    .sort((a, b) => a.date.localeCompare(b.date));
};

/** Midsommarafton, julafton and nyårsafton: not holidays, but equal to them under lag (1930:173). */
const eves = (year: number): string[] => [formatDateOnly(addDays(firstWeekdayFrom(utc(year, 6, 20), 6), -1)), `${year}-12-24`, `${year}-12-31`];

const closedDaysByYear = new Map<number, Set<string>>();

const closedDays = (year: number): Set<string> => {
  let days = closedDaysByYear.get(year);
  if (!days) {
    days = new Set([...swedishPublicHolidays(year).map((holiday) => holiday.date), ...eves(year)]);
    closedDaysByYear.set(year, days);
  }
  return days;
};

/** Is the day a weekday on which a period may end (not a Saturday, Sunday, holiday or one of the three eves)? */
export const isSwedishWorkingDay = (isoDate: string): boolean => {
  const date = isoDateToDb(isoDate);
  const weekday = date.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !closedDays(date.getUTCFullYear()).has(isoDate);
};

/** The last day of a statutory period: `isoDate` itself, or the next working day when it is not one (lag (1930:173)). */
export const statutoryLastDay = (isoDate: string): string => {
  let day = isoDate;
  while (!isSwedishWorkingDay(day)) day = formatDateOnly(addDays(isoDateToDb(day), 1));
  return day;
};
