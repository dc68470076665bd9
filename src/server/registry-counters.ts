// The serial counters of the diarieserier, shared by registration (cases) and the
// administration of series (admin). A counter row holds the last serial the counter gave
// in a year; serials entered by hand for migrated records are skipped, never given again.
import "server-only";
import type { Tx } from "@/server/db";

type SeriesYear = { seriesId: string; year: number };

/**
 * Locks the counter row of a series and year (creating it at 0) until the calling
 * transaction ends, and returns its last value. Everything that gives or reserves serials
 * takes this lock first, before the audit chain lock (recordAudit), to keep one lock order.
 */
export const lockSeriesCounter = async (tx: Tx, { seriesId, year }: SeriesYear): Promise<number> => {
  const rows = await tx.$queryRaw<{ last_value: number }[]>`
    INSERT INTO registry_series_counter (series_id, year, last_value, created_at, updated_at)
    VALUES (${seriesId}, ${year}, 0, now(), now())
    ON CONFLICT (series_id, year) DO UPDATE SET updated_at = registry_series_counter.updated_at
    RETURNING last_value`;
  const value = rows[0]?.last_value;
  if (typeof value !== "number") throw new Error(`Counter of series ${seriesId} gave no value`);
  return value;
};

export const setSeriesCounter = async (tx: Tx, { seriesId, year, lastValue }: SeriesYear & { lastValue: number }): Promise<void> => {
  await tx.registrySeriesCounter.update({ where: { seriesId_year: { seriesId, year } }, data: { lastValue } });
};

/** The highest serial a case of the series has in the year (0 when none). */
export const highestGivenSequence = async (tx: Tx, { seriesId, year }: SeriesYear): Promise<number> => {
  const { _max } = await tx.case.aggregate({ where: { seriesId, year }, _max: { sequence: true } });
  return _max.sequence ?? 0;
};

/** The first serial from `from` on that no case of the series and year has (migrated numbers are skipped). */
export const firstFreeSequence = async (tx: Tx, { seriesId, year, from }: SeriesYear & { from: number }): Promise<number> => {
  const taken = await tx.case.findMany({ where: { seriesId, year, sequence: { gte: from } }, orderBy: { sequence: "asc" }, select: { sequence: true } });
  let candidate = from;
  for (const { sequence } of taken) {
    if (sequence !== candidate) break;
    candidate += 1;
  }
  return candidate;
};
