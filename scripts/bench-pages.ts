// npm run bench [-- --duration 10] [-- <target> …]: the pages under load, side by side in one run.
// Builds the app when its sources changed (or reuses the build), opens the benchmark database
// (`yttra_bulk`, scripts/lib/bulk-database.ts; seeded with 100 000 cases and 1 000 000
// handlingar when it is missing), serves the production build on a free loopback port, signs
// in demo users and runs autocannon against each target (16 connections, --duration seconds;
// then 50 requests one at a time).
// Then it times each page's SQL against the same database (bench/page-sql.run.ts: the page's
// read models rendered as its route renders them, every query timed at the driver), so the
// SQL time shows beside the latency. Prints a table and writes bench/results/<time>.json; a run of every target also
// writes bench/baseline.json. Not part of npm test.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import autocannon from "autocannon";
import pg from "pg";
import { findFreePort } from "@/server/embedded-postgres";
import { env } from "@/server/env";
import { benchTargets, percentiles, type BenchCase, type PageSql } from "../bench/targets";
import { DEMO_PASSWORD, demoUser } from "./seed/demo-organisation";
import { appServerArgs, waitForHealth } from "./lib/app-server";
import { openBulkDatabase } from "./lib/bulk-database";
import { buildIfNeeded } from "./lib/build";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "16" },
    cases: { type: "string", default: "100000" },
    documents: { type: "string", default: "1000000" },
    /** Saved with the results: what was special about this run (the machine's load, the build). */
    label: { type: "string", default: "" },
  },
});

const root = process.cwd();
const log = (message: string) => console.log(`[bench] ${message}`);

const loginCookies = async (baseUrl: string, username: string): Promise<string> => {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const cookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; "), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, username, password: DEMO_PASSWORD, json: "true" }),
  });
  const all = [...cookies, ...response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!)];
  if (!all.some((cookie) => cookie.includes("session-token="))) throw new Error(`Inloggningen som ${username} misslyckades (${response.status}).`);
  return all.join("; ");
};

/**
 * The case the case page, the editor and the case-number search open: a remiss of a motion in
 * Hägersten-Älvsjö with its handlingar and Clas Cederlid's draft tjänsteutlåtande; and the
 * committee's samlingsärende, the open case with the most handlingar.
 */
const findBenchCase = async (url: string): Promise<BenchCase> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<Omit<BenchCase, "collectionId">>(
      `SELECT c.id::text, c.case_number AS "caseNumber" FROM "case" c JOIN statement s ON s.case_id = c.id AND s.status = 'DRAFT'
        WHERE c.committee_id = 'has' AND c.status = 'OPEN' AND c.secrecy_reference IS NULL AND c.kind = 'MOTION_REFERRAL'
          AND c.case_officer_id = $1 AND c.last_document_number >= 5
        ORDER BY c.created_at DESC LIMIT 1`,
      [demoUser("clas.cederlid").id],
    );
    if (!rows[0]) throw new Error("Databasen saknar ett öppet ärende med ett utkast till tjänsteutlåtande: kör `npm run db:seed:bulk`.");
    const { rows: collections } = await client.query<{ id: string }>(
      `SELECT id::text FROM "case" WHERE committee_id = 'has' AND status = 'OPEN' AND secrecy_reference IS NULL ORDER BY last_document_number DESC, id LIMIT 1`,
    );
    return { ...rows[0], collectionId: collections[0]!.id };
  } finally {
    await client.end();
  }
};

/** Each page's SQL time, from bench/page-sql.run.ts in Vitest (the read models import next-auth, which Vitest loads as the tests do). */
const measurePageSql = async (url: string, benchCase: BenchCase, names: string[]): Promise<Record<string, PageSql>> => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "yttra-bench-"));
  const out = path.join(dir, "page-sql.json");
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(root, "node_modules", "vitest", "vitest.mjs"), "run", "--config", path.join(root, "bench", "vitest.config.ts")], {
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, BENCH_DATABASE_URL: url, BENCH_CASE: JSON.stringify(benchCase), BENCH_TARGETS: names.join(","), BENCH_OUT: out },
      });
      child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`Mätningen av sidornas SQL avslutades med kod ${code}.`))));
    });
    return JSON.parse(await readFile(out, "utf8")) as Record<string, PageSql>;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

/**
 * CPU milliseconds the process `pid` has used (user and system, from /proc; null where there is no
 * /proc). Unlike req/s, it does not fall when the database or the load generator takes the cores,
 * though it still follows the machine's load (README, Prestanda).
 */
const processCpuMs = async (pid: number): Promise<number | null> => {
  try {
    // After the command name, which ends at the last ") " and may itself hold one.
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(") ") + 2).split(" ");
    // utime and stime (fields 14 and 15 of proc(5)) in clock ticks of 1/100 s.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
};

/** One autocannon run against `url` (signed in with `cookie`), with every response's latency in milliseconds. */
const cannon = async (url: string, cookie: string | null, options: Pick<autocannon.Options, "connections" | "duration" | "amount">) => {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, ...options, headers: cookie ? { cookie } : {} }, (error: unknown, done: autocannon.Result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)));
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  return { result, latencies };
};

const load = async (url: string, cookie: string | null, seconds: number, connections: number, app: ChildProcess) => {
  // Warm the route (its first renders load its chunks) before measuring.
  for (let i = 0; i < 5; i++) await fetch(url, { headers: cookie ? { cookie } : {} }).then((response) => response.arrayBuffer());
  const cpuBefore = await processCpuMs(app.pid!);
  const { result, latencies } = await cannon(url, cookie, { connections, duration: seconds });
  // Requests still rendering when autocannon stopped count as sent, not as done: let them finish
  // (the app's CPU stops rising) and divide by what was sent, or their CPU would land on the others.
  let cpuAfter = await processCpuMs(app.pid!);
  for (let i = 0; i < 30 && cpuAfter !== null; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = await processCpuMs(app.pid!);
    if (now === cpuAfter) break;
    cpuAfter = now;
  }
  const appCpuMsPerRequest = cpuBefore !== null && cpuAfter !== null && result.requests.sent > 0 ? Math.round(((cpuAfter - cpuBefore) / result.requests.sent) * 100) / 100 : null;
  return { reqPerSec: Math.round((result.requests.total / seconds) * 10) / 10, appCpuMsPerRequest, requests: result.requests.total, non2xx: result.non2xx, errors: result.errors + result.timeouts, latency: percentiles(latencies), latencies };
};

/** Requests of each page sent one at a time after its run under load (see `unloaded`). */
const UNLOADED_REQUESTS = 50;

/**
 * The page's latency with one request at a time, as its SQL is timed: what one user waits for it,
 * and the app's time over the database's without requests queueing behind each other. Under
 * load the latency is mostly that queue (16 connections ÷ req/s).
 */
const unloaded = async (url: string, cookie: string | null) => {
  const { result, latencies } = await cannon(url, cookie, { connections: 1, amount: UNLOADED_REQUESTS });
  return { requests: result.requests.total, non2xx: result.non2xx, errors: result.errors + result.timeouts, latency: percentiles(latencies) };
};

type Run = Awaited<ReturnType<typeof load>>;

/** Two runs of one target as one: their requests, latencies and CPU together (the one-at-a-time figures are the first run's). */
const mergeRuns = <T extends Run>(first: T, second: T): T => {
  const requests = first.requests + second.requests;
  const latencies = [...first.latencies, ...second.latencies];
  const cpu = first.appCpuMsPerRequest !== null && second.appCpuMsPerRequest !== null ? Math.round(((first.appCpuMsPerRequest * first.requests + second.appCpuMsPerRequest * second.requests) / requests) * 100) / 100 : null;
  return { ...first, reqPerSec: Math.round(((first.reqPerSec + second.reqPerSec) / 2) * 10) / 10, appCpuMsPerRequest: cpu, requests, non2xx: first.non2xx + second.non2xx, errors: first.errors + second.errors, latency: percentiles(latencies), latencies };
};

const main = async () => {
  const seconds = Number.parseInt(values.duration, 10);
  const connections = Number.parseInt(values.connections, 10);
  await buildIfNeeded({ skip: env.YTTRA_SKIP_BUILD, log });
  const database = await openBulkDatabase({ fresh: false, cases: Number.parseInt(values.cases, 10), documents: Number.parseInt(values.documents, 10), nodeEnv: "development", log });
  let app: ChildProcess | undefined;
  try {
    const benchCase = await findBenchCase(database.url);
    const targets = benchTargets(benchCase);
    const unknown = positionals.filter((name) => !targets.some((target) => target.name === name));
    if (unknown.length > 0) throw new Error(`Okända mål: ${unknown.join(", ")}. Finns: ${targets.map((target) => target.name).join(", ")}.`);
    // The trivial page is the ceiling every ratio is taken against, so it always runs.
    const selected = targets.filter((target) => positionals.length === 0 || target.name === "trivial" || positionals.includes(target.name));

    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const server = spawn(process.execPath, appServerArgs(root), {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_URL: database.url, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), NEXTAUTH_URL: baseUrl, NEXT_TELEMETRY_DISABLED: "1" },
    });
    app = server;
    await waitForHealth(`${baseUrl}/api/health`, server, 60_000);
    log(`Appen på ${baseUrl} mot ${database.description} (${database.cases} ärenden, ${database.documents} handlingar)`);

    const cookies = new Map<string, string>();
    for (const username of new Set(selected.flatMap((target) => (target.user ? [target.user] : [])))) cookies.set(username, await loginCookies(baseUrl, username));

    const measure = async (target: (typeof selected)[number]) => {
      log(`${target.name}: ${target.path} (${seconds} s, ${connections} anslutningar)`);
      const http = await load(`${baseUrl}${target.path}`, target.user ? cookies.get(target.user)! : null, seconds, connections, server);
      if (http.non2xx > 0 || http.errors > 0) throw new Error(`${target.name}: ${http.non2xx} svar utan 2xx och ${http.errors} fel – mätningen gäller inte sidan.`);
      if (http.requests === 0) log(`${target.name}: inget svar blev klart på ${seconds} s – öka --duration.`);
      const { non2xx, errors, ...alone } = await unloaded(`${baseUrl}${target.path}`, target.user ? cookies.get(target.user)! : null);
      if (non2xx > 0 || errors > 0) throw new Error(`${target.name}: ${non2xx} svar utan 2xx och ${errors} fel en i taget – mätningen gäller inte sidan.`);
      return { ...target, ...http, unloaded: alone };
    };
    const runs = [];
    for (const target of selected) runs.push(await measure(target));
    // The ceiling once more, after the pages: the ratios are taken against the mean of both
    // runs, so one slow moment of the machine does not make every ratio look better (or worse).
    const trivialTarget = selected.find((target) => target.name === "trivial")!;
    const trivialAgain = selected.length > 1 ? await measure(trivialTarget) : null;
    server.kill("SIGTERM");
    log("sidornas SQL …");
    const sql = await measurePageSql(database.url, benchCase, selected.map((target) => target.name));

    const trivialFirst = runs.find((run) => run.name === "trivial")!;
    const trivial = trivialAgain ? mergeRuns(trivialFirst, trivialAgain) : trivialFirst;
    const results = runs.map((run) => (run === trivialFirst ? trivial : run)).map(({ latencies: _latencies, ...run }) => {
      const pageSql = sql[run.name] ?? null;
      return {
        ...run,
        ...(run.name === "trivial" && trivialAgain ? { reqPerSecRuns: [trivialFirst.reqPerSec, trivialAgain.reqPerSec] } : {}),
        ratioToTrivial: Math.round((run.reqPerSec / trivial.reqPerSec) * 100) / 100,
        /** The trivial page's CPU per request over this page's: the req/s ratio if only the app's CPU bounded req/s. */
        cpuRatioToTrivial: run.appCpuMsPerRequest && trivial.appCpuMsPerRequest ? Math.round((trivial.appCpuMsPerRequest / run.appCpuMsPerRequest) * 100) / 100 : null,
        sql: pageSql,
        /** The page's p50 over its SQL p50, one request at a time as the SQL is timed: the app's time over the database's. */
        unloadedP50OverSqlP50: pageSql && pageSql.p50 > 0 ? Math.round((run.unloaded.latency.p50 / pageSql.p50) * 10) / 10 : null,
        /** The same under load, where the latency is mostly the queue of the other connections' requests. */
        loadedP50OverSqlP50: pageSql && pageSql.p50 > 0 ? Math.round((run.latency.p50 / pageSql.p50) * 10) / 10 : null,
      };
    });
    console.table(
      Object.fromEntries(
        results.map((row) => [
          row.name,
          { "req/s": row.reqPerSec, "÷ trivial": row.ratioToTrivial, "app-CPU ms": row.appCpuMsPerRequest ?? "–", "÷ trivial (CPU)": row.cpuRatioToTrivial ?? "–", "p50 ms": row.latency.p50, "p95 ms": row.latency.p95, "p99 ms": row.latency.p99, "en i taget p50": row.unloaded.latency.p50, "en i taget p95": row.unloaded.latency.p95, "SQL p50 ms": row.sql?.p50 ?? "–", "SQL p95 ms": row.sql?.p95 ?? "–", "SQL-frågor": row.sql?.queries ?? 0 },
        ]),
      ),
    );
    const cpus = os.cpus();
    const report = {
      date: new Date().toISOString(),
      label: values.label,
      machine: { cpus: cpus.length, cpuModel: cpus[0]?.model ?? "unknown", memoryGb: Math.round(os.totalmem() / 1024 ** 3), platform: `${os.platform()} ${os.release()}`, node: process.version, loadAverage: os.loadavg().map((value) => Math.round(value * 10) / 10) },
      setup: {
        connections,
        durationSeconds: seconds,
        loadGenerator: "autocannon on the same machine, loopback",
        cases: database.cases,
        documents: database.documents,
        unloaded: `${UNLOADED_REQUESTS} requests of each page one at a time (autocannon, 1 connection) after its run under load`,
        sqlTime: "per render: the time while at least one driver-timed query of the actor, the header or the page is in flight (bench/page-sql.run.ts, 20 renders after 3 warm-up renders, one at a time)",
      },
      targets: results,
    };
    const dir = path.join(root, "bench", "results");
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${report.date.replace(/[:.]/g, "-")}.json`);
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
    log(`→ ${path.relative(root, file)}`);
    if (selected.length === targets.length) {
      await writeFile(path.join(root, "bench", "baseline.json"), `${JSON.stringify(report, null, 2)}\n`);
      log("→ bench/baseline.json");
    }
  } finally {
    if (app && app.exitCode === null && app.signalCode === null) {
      app.kill("SIGTERM");
      await new Promise((resolve) => app!.once("exit", resolve));
    }
    await database.stop();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
