import "server-only";
import type { Tx } from "@/server/db";

/**
 * The next number of a series in a year. The counter row stays locked until the calling
 * transaction ends, so concurrent registrations queue here: numbers are unique and
 * gap-free, a rolled-back registration gives its number back, and each year starts at 1.
 * Callers take this lock before the audit chain lock (recordAudit) to keep one lock order.
 */
export const allocateCaseSequence = async (tx: Tx, { seriesId, year }: { seriesId: string; year: number }): Promise<number> => {
  const rows = await tx.$queryRaw<{ last_value: number }[]>`
    INSERT INTO registry_series_counter (series_id, year, last_value, created_at, updated_at)
    VALUES (${seriesId}, ${year}, 1, now(), now())
    ON CONFLICT (series_id, year)
    DO UPDATE SET last_value = registry_series_counter.last_value + 1, updated_at = now()
    RETURNING last_value`;
  const value = rows[0]?.last_value;
  if (typeof value !== "number") throw new Error(`Counter of series ${seriesId} gave no value`);
  return value;
};
