// The contract between scripts/bench.ts and a bench file: `export default` an async
// function that receives a fresh, migrated database (the shared `db` already points at it)
// and returns its timings in milliseconds per measurement, plus free-form notes
// (EXPLAIN findings, row counts) that end up in bench-results/<name>.json.
import type { Db } from "@/server/db";

export type BenchContext = {
  db: Db;
  /** Connection string of the bench's database (for raw pg clients, EXPLAIN). */
  url: string;
  log: (message: string) => void;
  /** SQL from `--sql` to run after loading data and before measuring (candidate indexes). */
  candidateSql: string[];
};

export type BenchResult = {
  /** Samples in milliseconds, per measurement name. */
  measurements: Record<string, number[]>;
  notes?: Record<string, unknown>;
};

export type Bench = (context: BenchContext) => Promise<BenchResult>;

/** Runs `fn` `warmup` times unmeasured, then `runs` times, returning each run's milliseconds. */
export const sample = async (fn: () => Promise<unknown>, { runs = 30, warmup = 3 }: { runs?: number; warmup?: number } = {}): Promise<number[]> => {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
};
