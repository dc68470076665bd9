// npm run bench:sql [name …]: runs bench/*.bench.ts (or the named ones) against a throwaway
// embedded PostgreSQL, one fresh migrated database per bench, prints p50/p95/max per
// measurement and writes bench-results/<name>.json with the machine it ran on.
//
//   npm run bench:sql -- diarium-list --sql "CREATE INDEX … ON \"case\" (created_at, id)"
// tries a candidate index (or any SQL) after the bench has loaded its data, before it
// measures, so a schema change can be proven before it is proposed.
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { percentiles } from "../bench/targets";

type Stats = { n: number; p50: number; p95: number; max: number; mean: number };

const statsOf = (samples: number[]): Stats => {
  const round = (value: number) => Math.round(value * 100) / 100;
  const { p50, p95 } = percentiles(samples);
  return {
    n: samples.length,
    p50,
    p95,
    max: round(Math.max(...samples)),
    mean: round(samples.reduce((sum, value) => sum + value, 0) / Math.max(1, samples.length)),
  };
};

const machine = () => ({
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? "unknown",
  memoryGb: Math.round(os.totalmem() / 1024 ** 3),
  platform: `${os.platform()} ${os.release()}`,
  node: process.version,
  date: new Date().toISOString(),
});

const main = async () => {
  const root = process.cwd();
  const args = process.argv.slice(2);
  const candidateSql = args.flatMap((arg, index) => (args[index - 1] === "--sql" ? [arg] : []));
  const only = args.filter((arg, index) => arg !== "--sql" && args[index - 1] !== "--sql");
  const files = (await readdir(path.join(root, "bench")))
    .filter((file) => file.endsWith(".bench.ts"))
    .filter((file) => only.length === 0 || only.includes(file.replace(/\.bench\.ts$/, "")))
    .sort();
  if (files.length === 0) throw new Error(`No bench files${only.length ? ` named ${only.join(", ")}` : ""} in bench/`);

  const { startEmbeddedPostgres, createDatabaseIfMissing } = await import("@/server/embedded-postgres");
  const { migrateDatabase } = await import("@/server/migrate");
  const { createDb, setDb } = await import("@/server/db");

  const dir = await mkdtemp(path.join(os.tmpdir(), "yttra-bench-"));
  const database = await startEmbeddedPostgres({ dir, ephemeral: true });
  const outDir = path.join(root, "bench-results");
  await mkdir(outDir, { recursive: true });
  let failed = false;
  try {
    for (const file of files) {
      const name = file.replace(/\.bench\.ts$/, "");
      const dbName = `bench_${name.replace(/[^a-z0-9_]/gi, "_")}`;
      await createDatabaseIfMissing(database.adminUrl, dbName);
      const url = database.adminUrl.replace(/\/postgres$/, `/${dbName}`);
      await migrateDatabase({ connectionString: url, log: () => undefined });
      const db = createDb(url, 10);
      setDb(db);
      const log = (message: string) => console.log(`[${name}] ${message}`);
      const started = performance.now();
      try {
        const benchModule = (await import(pathToFileURL(path.join(root, "bench", file)).href)) as { default: import("../bench/support").Bench };
        const result = await benchModule.default({ db, url, log, candidateSql });
        const measurements = Object.fromEntries(Object.entries(result.measurements).map(([key, samples]) => [key, statsOf(samples)]));
        const report = { name, machine: { ...machine(), loadAverage: os.loadavg().map((value) => Math.round(value * 10) / 10) }, candidateSql, durationSeconds: Math.round((performance.now() - started) / 100) / 10, measurements, notes: result.notes ?? {} };
        await writeFile(path.join(outDir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
        console.log(`\n${name} (${report.durationSeconds} s, ${report.machine.cpus} CPU, Node ${report.machine.node})`);
        console.table(Object.fromEntries(Object.entries(measurements).map(([key, stats]) => [key, { n: stats.n, "p50 ms": stats.p50, "p95 ms": stats.p95, "max ms": stats.max }])));
        for (const [key, value] of Object.entries(report.notes)) console.log(`  ${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`);
        console.log(`  → bench-results/${name}.json`);
      } catch (error) {
        failed = true;
        console.error(`[${name}] failed:`, error);
      } finally {
        await db.$disconnect();
      }
    }
  } finally {
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  }
  if (failed) process.exitCode = 1;
};

await main();
