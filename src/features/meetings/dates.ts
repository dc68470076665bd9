// Meeting dates and times. A meeting starts at a local Stockholm time ("2024-04-25 kl. 18.00");
// it is stored as an instant, so the conversion must follow daylight saving time.
import { addDays, formatDate, formatDateOnly, isoDateToDb, TIME_ZONE } from "@/lib/dates";
import { statutoryLastDay } from "@/lib/swedish-holidays";

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

const stockholmParts = (moment: Date) => {
  const parts = Object.fromEntries(partsFormat.formatToParts(moment).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
};

/** Minutes Stockholm is ahead of UTC at `moment` (60 in winter, 120 in summer). */
const offsetMinutes = (moment: Date): number => {
  const p = stockholmParts(moment);
  return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - moment.getTime()) / 60_000);
};

/** "2024-04-25" + "18:00" in Stockholm → the instant. */
export const stockholmDateTimeToInstant = (isoDate: string, time: string): Date => {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  // Two passes: the offset at the naive guess can differ from the offset at the answer near a DST switch.
  const first = naive - offsetMinutes(new Date(naive)) * 60_000;
  return new Date(naive - offsetMinutes(new Date(first)) * 60_000);
};

const pad = (value: number): string => String(value).padStart(2, "0");

/** "18.00" — the Swedish way of writing a meeting's time. */
export const meetingTime = (moment: Date): string => {
  const p = stockholmParts(moment);
  return `${pad(p.hour)}.${pad(p.minute)}`;
};

/** "2024-04-25 kl. 18.00" */
export const meetingDateTime = (moment: Date): string => `${formatDate(moment)} kl. ${meetingTime(moment)}`;

/** The justering's day, time and place as the protokoll and the meeting page state them; null when none is set. */
export const justeringDetails = (justeringAt: Date | null, place: string | null): { date: string; time: string; place: string | null } | null =>
  justeringAt ? { date: formatDate(justeringAt), time: meetingTime(justeringAt), place } : null;

/** The calendar year of the meeting in Stockholm: § numbers run per committee and this year. */
export const meetingYear = (moment: Date): number => stockholmParts(moment).year;

/** The appeal period (laglighetsprövning) ends three weeks after the minutes were posted (on a working day: see postingDates). */
export const APPEAL_PERIOD_DAYS = 21;

// ─── What the meeting's time allows ─────────────────────────────────────────
// One set of rules for the services (which refuse) and the forms (which show only what is
// allowed, and bound the date fields): what happens at or after a meeting cannot be
// recorded before the meeting has started, and no date may put it earlier.

/** Has the meeting started at `now`? Decisions, minutes, justering and anslag wait for it. */
export const meetingHasStarted = (startsAt: Date, now: Date): boolean => now.getTime() >= startsAt.getTime();

/** What may only be done once the meeting has started, in the refusal's words. */
export type AfterMeetingStep = "decision" | "minutes" | "justering";

const STEP_TEXT: Record<AfterMeetingStep, string> = {
  decision: "Beslut kan registreras",
  minutes: "Protokoll kan skrivas",
  justering: "Protokollet kan justeras",
};

/** The Swedish refusal of a step tried before the meeting started; null when it may be done. */
export const notBeforeMeeting = (step: AfterMeetingStep, startsAt: Date, now: Date): string | null =>
  meetingHasStarted(startsAt, now) ? null : `${STEP_TEXT[step]} först när sammanträdet har börjat (${meetingDateTime(startsAt)}).`;

/** The day the committee decided: the meeting's day. A case's answered date is this day. */
export const decisionDate = (startsAt: Date): string => formatDate(startsAt);

/** The meeting's day as a DATE value, to compare with members' terms of office. */
export const meetingDay = (startsAt: Date): Date => isoDateToDb(decisionDate(startsAt));

/**
 * Anslag: justerade minutes are posted on the day of the justering (which cannot precede
 * the meeting: see notBeforeMeeting), and the appeal period runs three weeks from the posting;
 * a last day on a Saturday, Sunday or holiday moves to the next weekday (lag (1930:173)).
 */
export const postingDates = (justeredAt: Date): { postedDate: string; appealEndsOn: string } => {
  const postedDate = formatDate(justeredAt);
  return { postedDate, appealEndsOn: statutoryLastDay(formatDateOnly(addDays(isoDateToDb(postedDate), APPEAL_PERIOD_DAYS))) };
};

/** Expedieringsdatum: from the meeting's day up to today (ÅÅÅÅ-MM-DD, the bounds of the date field). */
export const dispatchDateRange = (startsAt: Date, now: Date): { min: string; max: string } => ({ min: decisionDate(startsAt), max: formatDate(now) });

/** The Swedish refusal of an expedieringsdatum outside its range; null when it is allowed. */
export const dispatchDateProblem = (sentDate: string, startsAt: Date, now: Date): string | null => {
  const { min, max } = dispatchDateRange(startsAt, now);
  if (sentDate < min) return `Expedieringsdatumet kan inte vara före sammanträdet (${min}).`;
  if (sentDate > max) return `Expedieringsdatumet kan inte vara i framtiden (senast ${max}).`;
  return null;
};
