// Diarienummer of new cases: the next serial of the series, or a befintligt nummer entered
// for a migrated record.
import "server-only";
import { formatCaseNumber, parseCaseNumber } from "@/lib/case-number";
import { todayInStockholm } from "@/lib/dates";
import type { Actor } from "@/server/auth/actor";
import { can, type RegistrationScope } from "@/server/authz";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { firstFreeSequence, lockSeriesCounter, setSeriesCounter } from "@/server/registry-counters";
import { validationError } from "@/server/validation";

/**
 * The next number of a series in a year. The counter row stays locked until the calling
 * transaction ends, so concurrent registrations queue here: numbers are unique and
 * gap-free, a rolled-back registration gives its number back, and each year starts at 1
 * (or where an administrator set it). A serial already taken by a migrated record is
 * skipped. Callers take this lock before the audit chain lock (recordAudit).
 */
export const allocateCaseSequence = async (tx: Tx, { seriesId, year }: { seriesId: string; year: number }): Promise<number> => {
  const last = await lockSeriesCounter(tx, { seriesId, year });
  const sequence = await firstFreeSequence(tx, { seriesId, year, from: last + 1 });
  await setSeriesCounter(tx, { seriesId, year, lastValue: sequence });
  return sequence;
};

type SeriesRow = { id: string; format: string; prefix: string; seqPadding: number };
type NumberedCase = { year: number; sequence: number; caseNumber: string };

/** The next diarienummer of the series for a case received in `year`. */
export const nextCaseNumber = async (tx: Tx, { series, year, classCode }: { series: SeriesRow; year: number; classCode: string | null }): Promise<NumberedCase> => {
  const sequence = await allocateCaseSequence(tx, { seriesId: series.id, year });
  return { year, sequence, caseNumber: formatCaseNumber(series.format, { ...series, year, sequence, classCode }) };
};

export type ReserveExistingNumberOptions = {
  actor: Actor;
  scope: RegistrationScope;
  series: SeriesRow;
  existingCaseNumber: string;
  classCode: string | null;
  now?: Date;
};

/**
 * A befintligt diarienummer of a migrated record: read against the series' format (year and
 * serial come from it), unique in the series. The counter is not moved: it skips this serial
 * when it gets there (allocateCaseSequence), so the number is never given again and the
 * serials in between stay free for other migrated records. The counter row is locked so a
 * concurrent registration cannot take the same serial meanwhile.
 */
export const reserveExistingNumber = async (tx: Tx, { actor, scope, series, existingCaseNumber, classCode, now = new Date() }: ReserveExistingNumberOptions): Promise<NumberedCase> => {
  if (!can(actor, "case.registerExistingNumber", scope)) {
    throw new AppError("FORBIDDEN", `Actor ${actor.id} may not enter existing numbers`, {
      userMessage: "Endast registratorn kan registrera ett ärende med ett befintligt diarienummer.",
      fieldErrors: { existingCaseNumber: ["Endast registratorn kan ange ett befintligt diarienummer."] },
    });
  }
  const thisYear = Number(todayInStockholm(now).slice(0, 4));
  const parsed = parseCaseNumber(existingCaseNumber, series, thisYear);
  if (!parsed) {
    const example = formatCaseNumber(series.format, { ...series, year: thisYear, sequence: 7, classCode: "1.5.1" });
    throw validationError({ existingCaseNumber: [`Numret följer inte diarieseriens format ${series.format}, till exempel ${example}.`] });
  }
  if (parsed.year > thisYear) throw validationError({ existingCaseNumber: [`Årtalet ${parsed.year} i numret ligger i framtiden.`] });
  if (parsed.classCode !== null && parsed.classCode !== classCode) {
    throw validationError({ classificationId: [`Klassen i numret (${parsed.classCode}) stämmer inte med vald klassificering${classCode ? ` (${classCode})` : ""}.`] });
  }
  await lockSeriesCounter(tx, { seriesId: series.id, year: parsed.year });
  const taken = await tx.case.findFirst({
    where: { seriesId: series.id, OR: [{ caseNumber: existingCaseNumber.trim() }, { year: parsed.year, sequence: parsed.sequence }] },
    select: { caseNumber: true },
  });
  if (taken) {
    throw new AppError("CONFLICT", `Number ${existingCaseNumber} taken in series ${series.id}`, {
      userMessage: `Löpnummer ${parsed.sequence} år ${parsed.year} finns redan i serien (${taken.caseNumber}).`,
      fieldErrors: { existingCaseNumber: [`Löpnummer ${parsed.sequence} år ${parsed.year} finns redan i serien (${taken.caseNumber}).`] },
    });
  }
  return { year: parsed.year, sequence: parsed.sequence, caseNumber: existingCaseNumber.trim() };
};
