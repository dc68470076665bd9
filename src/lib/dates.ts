// Dates and times as Swedish users read them: ISO dates (2024-04-25) and 24-hour times
// (14:05), in Europe/Stockholm. Two kinds of value arrive from the database:
// - instants (timestamps) are shown as the day and time in Stockholm, so a registration at
//   00:30 Swedish time gets the right day;
// - calendar dates (@db.Date columns) arrive as UTC midnight and are shown as that day.
// Pure: used by server and client components, services, the seed and tests alike.
export const TIME_ZONE = "Europe/Stockholm";
export const DAY_MS = 86_400_000;

const dateFormat = new Intl.DateTimeFormat("sv-SE", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
const timeFormat = new Intl.DateTimeFormat("sv-SE", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit" });

/** An instant, or its ISO string as it crosses to a client component. */
type Moment = Date | string;
const toDate = (moment: Moment): Date => (typeof moment === "string" ? new Date(moment) : moment);

/** "2024-04-25": the day of an instant in Stockholm ("" for none). */
export const formatDate = (moment: Moment | null | undefined): string => (moment ? dateFormat.format(toDate(moment)) : "");

/** "14:05" in Stockholm. */
export const formatTime = (moment: Moment): string => timeFormat.format(toDate(moment));

/** "2024-04-25 14:05" in Stockholm ("" for none). */
export const formatDateTime = (moment: Moment | null | undefined): string => (moment ? `${formatDate(moment)} ${formatTime(moment)}` : "");

/** "2024-04-25" for a calendar date (a @db.Date value, UTC midnight; "" for none). */
export const formatDateOnly = (date: Date | null | undefined): string => (date ? date.toISOString().slice(0, 10) : "");

/** "2024-04-25" → the Date Prisma writes to a @db.Date column. */
export const isoDateToDb = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);

/** Today's date in Stockholm as "2024-04-25". */
export const todayInStockholm = (now: Date = new Date()): string => formatDate(now);

/** Today in Stockholm as a calendar date (UTC midnight), comparable with @db.Date columns. */
export const stockholmToday = (now: Date = new Date()): Date => isoDateToDb(todayInStockholm(now));

export const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * DAY_MS);

const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

/** "16 april 2024" for a calendar date: the long form of running text in a tjänsteutlåtande. */
export const longSwedishDate = (date: Date): string => `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;

/** The same day n years later; 29 February becomes 28 February, never 1 March (a deadline must not move later). */
export const addYears = (iso: string, years: number): string => {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  const lastDayOfMonth = new Date(Date.UTC(year + years, month, 0)).getUTCDate();
  return formatDateOnly(new Date(Date.UTC(year + years, month - 1, Math.min(day, lastDayOfMonth))));
};
