// How much time is left until a deadline (remisstid, bevakning), in words: never only a colour.
import { DAY_MS, isoDateToDb } from "@/lib/dates";

/** Whole days from `from` to `to` (both calendar dates): negative when `to` has passed. */
export const daysBetween = (from: Date, to: Date): number => Math.round((to.getTime() - from.getTime()) / DAY_MS);

/** "5 dagar kvar", "1 dag kvar", "förfaller i dag", "försenad 3 dagar". */
export const describeDaysLeft = (daysLeft: number): string => {
  if (daysLeft === 0) return "förfaller i dag";
  if (daysLeft > 0) return daysLeft === 1 ? "1 dag kvar" : `${daysLeft} dagar kvar`;
  const overdue = -daysLeft;
  return overdue === 1 ? "försenad 1 dag" : `försenad ${overdue} dagar`;
};

/** The same for two "YYYY-MM-DD" dates, with whether the deadline has passed. */
export const describeDueDate = (dueIso: string, todayIso: string): { text: string; overdue: boolean } => {
  const daysLeft = daysBetween(isoDateToDb(todayIso), isoDateToDb(dueIso));
  return { text: describeDaysLeft(daysLeft), overdue: daysLeft < 0 };
};
