// npm run bench [-- --duration 10] [-- <target> …]: the pages under load, side by side in one run.
// Builds the app when its sources changed (or reuses the build), opens the benchmark database
// (`yttra_bulk`, scripts/lib/bulk-database.ts; seeded with 100 000 cases and 1 000 000
// handlingar when it is missing), serves the production build on a free loopback port, signs
// in demo users and runs autocannon against each target (16 connections, --duration seconds).
// After each target it renders the same page's read models in this process against the same
// database, timing every SQL query at the driver, so the page's SQL time shows beside its
// latency. Prints a table and writes bench/results/<time>.json; a run of every target also
// writes bench/baseline.json. Not part of npm test.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import type pg from "pg";
import { loadCasePage } from "@/app/(app)/arenden/[id]/case-page";
import { loadStatementPage } from "@/app/(app)/arenden/[id]/tjansteutlatande/statement-page";
import { loadDiariumPage } from "@/app/(app)/diarium/diarium-page";
import { loadSearchPage } from "@/app/(app)/sok/search-page";
import { loadStartPage } from "@/app/(app)/start-page";
import { loadPublicDiariumPage } from "@/app/[kommun]/offentligt-diarium/public-diarium-page";
import { loadHeader } from "@/features/notifications/server/header-queries";
import { loadActor, type Actor, type SessionClaims } from "@/server/auth/actor";
import { createDb, setDb } from "@/server/db";
import { findFreePort } from "@/server/embedded-postgres";
import { env } from "@/server/env";
import { BENCH_COMMON_WORD, BENCH_RARE_WORD } from "./seed/bulk-words";
import { DEMO_PASSWORD, demoUser } from "./seed/demo-organisation";
import { openBulkDatabase } from "./lib/bulk-database";
import { buildIfNeeded } from "./lib/build";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "16" },
    cases: { type: "string", default: "100000" },
    documents: { type: "string", default: "1000000" },
  },
});

const root = process.cwd();
const log = (message: string) => console.log(`[bench] ${message}`);
const SQL_RENDERS = 20;

type Target = {
  name: string;
  path: string;
  /** Signed in as (demo username), or anonymous. */
  user: string | null;
  /** The page's read models as the route renders them (null: no SQL). */
  render: ((actor: Actor | null) => Promise<unknown>) | null;
};

type Stats = { p50: number; p95: number; p99: number };

const percentiles = (samples: number[]): Stats => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN) * 100) / 100;
  return { p50: at(50), p95: at(95), p99: at(99) };
};

/** Times every query a pooled connection sends; `measure` gives the SQL milliseconds and round trips of one call. */
const createSqlTimer = () => {
  let current: { ms: number; queries: number } | null = null;
  const onConnect = (client: pg.PoolClient) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const recording = current;
      const started = performance.now();
      const result = query(...args);
      if (recording && result instanceof Promise) {
        recording.queries++;
        void result.finally(() => (recording.ms += performance.now() - started)).catch(() => undefined);
      }
      return result;
    };
  };
  const measure = async (run: () => Promise<unknown>) => {
    current = { ms: 0, queries: 0 };
    const recording = current;
    try {
      await run();
      return recording;
    } finally {
      current = null;
    }
  };
  return { onConnect, measure };
};

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

const waitForHealth = async (url: string, child: ChildProcess): Promise<void> => {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Appen avslutades med kod ${child.exitCode}.`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Appen svarade inte på ${url} inom 60 s.`);
};

const load = async (url: string, cookie: string | null, seconds: number, connections: number) => {
  // Warm the route (first renders load its chunks) before measuring.
  for (let i = 0; i < 5; i++) await fetch(url, { headers: cookie ? { cookie } : {} }).then((response) => response.arrayBuffer());
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, headers: cookie ? { cookie } : {} }, (error: unknown, done: autocannon.Result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)));
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  return { reqPerSec: Math.round((result.requests.total / seconds) * 10) / 10, requests: result.requests.total, non2xx: result.non2xx, errors: result.errors + result.timeouts, latency: percentiles(latencies) };
};

const main = async () => {
  const seconds = Number.parseInt(values.duration, 10);
  const connections = Number.parseInt(values.connections, 10);
  await buildIfNeeded({ skip: env.YTTRA_SKIP_BUILD, log });
  const database = await openBulkDatabase({ fresh: false, cases: Number.parseInt(values.cases, 10), documents: Number.parseInt(values.documents, 10), nodeEnv: "development", log });
  const timer = createSqlTimer();
  const client = createDb(database.url, 10, timer.onConnect);
  setDb(client);
  let app: ChildProcess | undefined;
  try {
    // The case the case page, the editor and the case-number search open: a remiss of a motion
    // in Hägersten-Älvsjö with its handlingar and Clas Cederlid's draft tjänsteutlåtande.
    const [benchCase] = await client.$queryRaw<{ id: string; caseNumber: string }[]>`
      SELECT c.id::text, c.case_number AS "caseNumber" FROM "case" c JOIN statement s ON s.case_id = c.id AND s.status = 'DRAFT'
       WHERE c.committee_id = 'has' AND c.status = 'OPEN' AND c.secrecy_reference IS NULL AND c.kind = 'MOTION_REFERRAL'
         AND c.case_officer_id = ${demoUser("clas.cederlid").id}::uuid AND c.last_document_number >= 5
       ORDER BY c.created_at DESC LIMIT 1`;
    if (!benchCase) throw new Error("Benchmark database has no open case with a draft statement: run `npm run db:seed:bulk`.");
    const search = (q: string) => (actor: Actor | null) => loadSearchPage({ actor: actor!, searchParams: { q } });
    const targets: Target[] = [
      { name: "trivial", path: "/status", user: null, render: null },
      { name: "case-page", path: `/arenden/${benchCase.id}`, user: "registrator", render: (actor) => loadCasePage({ actor: actor!, caseId: benchCase.id }) },
      { name: "diarium-list", path: "/diarium", user: "registrator", render: (actor) => loadDiariumPage({ actor: actor!, searchParams: {} }) },
      { name: "statement-editor", path: `/arenden/${benchCase.id}/tjansteutlatande`, user: "clas.cederlid", render: (actor) => loadStatementPage({ actor: actor!, caseId: benchCase.id }) },
      { name: "start-page", path: "/", user: "clas.cederlid", render: (actor) => loadStartPage(actor!) },
      { name: "search-rare-word", path: `/sok?q=${encodeURIComponent(BENCH_RARE_WORD)}`, user: "registrator", render: search(BENCH_RARE_WORD) },
      { name: "search-common-word", path: `/sok?q=${encodeURIComponent(BENCH_COMMON_WORD)}`, user: "registrator", render: search(BENCH_COMMON_WORD) },
      { name: "search-case-number", path: `/sok?q=${encodeURIComponent(benchCase.caseNumber)}`, user: "registrator", render: search(benchCase.caseNumber) },
      { name: "public-diarium", path: "/stockholm/offentligt-diarium", user: null, render: () => loadPublicDiariumPage({ kommun: "stockholm", searchParams: {} }) },
      { name: "public-search", path: `/stockholm/offentligt-diarium?q=${encodeURIComponent(BENCH_COMMON_WORD)}`, user: null, render: () => loadPublicDiariumPage({ kommun: "stockholm", searchParams: { q: BENCH_COMMON_WORD } }) },
    ];
    const unknown = positionals.filter((name) => !targets.some((target) => target.name === name));
    if (unknown.length > 0) throw new Error(`Okända mål: ${unknown.join(", ")}. Finns: ${targets.map((target) => target.name).join(", ")}.`);
    // The trivial page is the ceiling every ratio is taken against, so it always runs.
    const selected = targets.filter((target) => positionals.length === 0 || target.name === "trivial" || positionals.includes(target.name));

    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    app = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_URL: database.url, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), NEXTAUTH_URL: baseUrl, NEXT_TELEMETRY_DISABLED: "1" },
    });
    await waitForHealth(`${baseUrl}/api/health`, app);
    log(`Appen på ${baseUrl} mot ${database.description} (${database.cases} ärenden, ${database.documents} handlingar)`);

    const cookies = new Map<string, string>();
    const claims = new Map<string, SessionClaims>();
    for (const username of new Set(selected.flatMap((target) => (target.user ? [target.user] : [])))) {
      cookies.set(username, await loginCookies(baseUrl, username));
      const user = await client.user.findUniqueOrThrow({ where: { username }, select: { id: true, sessionVersion: true } });
      claims.set(username, { userId: user.id, sessionVersion: user.sessionVersion, authTime: Math.floor(Date.now() / 1000) });
    }

    const rows = [];
    for (const target of selected) {
      log(`${target.name}: ${target.path} (${seconds} s, ${connections} anslutningar)`);
      const http = await load(`${baseUrl}${target.path}`, target.user ? cookies.get(target.user)! : null, seconds, connections);
      if (http.non2xx > 0 || http.errors > 0) throw new Error(`${target.name}: ${http.non2xx} svar utan 2xx och ${http.errors} fel – mätningen gäller inte sidan.`);
      // The same render's SQL, measured right after its load run: actor and header as the layout resolves them, then the page.
      const sqlSamples: { ms: number; queries: number }[] = [];
      if (target.render) {
        const session = target.user ? claims.get(target.user)! : null;
        const render = async () => {
          if (!session) return target.render!(null);
          const actor = await loadActor(session);
          if (!actor) throw new Error(`No actor for ${target.user}`);
          return Promise.all([loadHeader(actor), target.render!(actor)]);
        };
        for (let i = 0; i < 3; i++) await render();
        for (let i = 0; i < SQL_RENDERS; i++) sqlSamples.push(await timer.measure(render));
      }
      const sql = sqlSamples.length > 0 ? { queries: sqlSamples[0]!.queries, ...percentiles(sqlSamples.map((sample) => sample.ms)) } : null;
      rows.push({ name: target.name, path: target.path, user: target.user, ...http, sql });
    }

    const trivial = rows.find((row) => row.name === "trivial")!;
    const results = rows.map((row) => ({
      ...row,
      ratioToTrivial: Math.round((row.reqPerSec / trivial.reqPerSec) * 100) / 100,
      latencyP50OverSqlP50: row.sql && row.sql.p50 > 0 ? Math.round((row.latency.p50 / row.sql.p50) * 10) / 10 : null,
    }));
    console.table(
      Object.fromEntries(
        results.map((row) => [
          row.name,
          { "req/s": row.reqPerSec, "÷ trivial": row.ratioToTrivial, "p50 ms": row.latency.p50, "p95 ms": row.latency.p95, "p99 ms": row.latency.p99, "SQL p50 ms": row.sql?.p50 ?? "–", "SQL p95 ms": row.sql?.p95 ?? "–", queries: row.sql?.queries ?? 0 },
        ]),
      ),
    );
    const cpus = os.cpus();
    const report = {
      date: new Date().toISOString(),
      machine: { cpus: cpus.length, cpuModel: cpus[0]?.model ?? "unknown", memoryGb: Math.round(os.totalmem() / 1024 ** 3), platform: `${os.platform()} ${os.release()}`, node: process.version, loadAverage: os.loadavg().map((value) => Math.round(value * 10) / 10) },
      setup: { connections, durationSeconds: seconds, loadGenerator: "autocannon (same machine, loopback)", cases: database.cases, documents: database.documents, sqlRenders: SQL_RENDERS, sqlTime: "sum of the driver-measured time of every query of one render (actor, header, page), rendered in the bench process right after the page's load run" },
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
    if (app && app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((resolve) => app!.once("exit", resolve));
    }
    await client.$disconnect();
    await database.stop();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
