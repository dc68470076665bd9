// Calendar dates of the diarium. Date-only columns (received, due, raised) are stored as
// UTC midnight and handled as "YYYY-MM-DD" strings; "today" is the date in Stockholm,
// so a case does not become overdue at 01:00 Swedish time.
const TIME_ZONE = "Europe/Stockholm";
const DAY_MS = 86_400_000;

const dateFormat = new Intl.DateTimeFormat("sv-SE", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
const dateTimeFormat = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** Today's date in Stockholm as "YYYY-MM-DD". */
export const todayInStockholm = (now: Date = new Date()): string => dateFormat.format(now);

/** A moment shown to users: "2024-04-25 14:05" in Stockholm time. */
export const formatDateTime = (moment: Date): string => dateTimeFormat.format(moment);

/** "YYYY-MM-DD" → the Date Prisma writes to a `@db.Date` column. */
export const isoDateToDb = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);

/** A `@db.Date` value → "YYYY-MM-DD". */
export const dbDateToIso = (date: Date): string => date.toISOString().slice(0, 10);

/** The same day n years later; 29 February becomes 28 February, never 1 March (a deadline must not move later). */
export const addYears = (iso: string, years: number): string => {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  const lastDayOfMonth = new Date(Date.UTC(year + years, month, 0)).getUTCDate();
  return dbDateToIso(new Date(Date.UTC(year + years, month - 1, Math.min(day, lastDayOfMonth))));
};

export const daysBetween = (fromIso: string, toIso: string): number =>
  Math.round((isoDateToDb(toIso).getTime() - isoDateToDb(fromIso).getTime()) / DAY_MS);

/** "12 dagar kvar", "sista dagen i dag", "försenat 3 dagar". */
export const describeDueDate = (dueIso: string, todayIso: string): { text: string; overdue: boolean } => {
  const days = daysBetween(todayIso, dueIso);
  if (days > 1) return { text: `${days} dagar kvar`, overdue: false };
  if (days === 1) return { text: "1 dag kvar", overdue: false };
  if (days === 0) return { text: "sista dagen i dag", overdue: false };
  return { text: days === -1 ? "försenat 1 dag" : `försenat ${-days} dagar`, overdue: true };
};
