// Started by `npm run bench` (scripts/bench-pages.ts) after its load runs, against the same
// database: renders each target's read models as its route does — the actor and the layout's
// header for a signed-in page, then the page — and times every SQL query at the driver. A
// render's SQL time is the time it waits for the database: while at least one of its queries is
// in flight. Writes the results to BENCH_OUT.
import { writeFile } from "node:fs/promises";
import type pg from "pg";
import { it } from "vitest";
import { loadCasePage } from "@/app/(app)/arenden/[id]/case-page";
import { loadStatementPage } from "@/app/(app)/arenden/[id]/tjansteutlatande/statement-page";
import { loadDiariumPage } from "@/app/(app)/diarium/diarium-page";
import { loadSearchPage } from "@/app/(app)/sok/search-page";
import { loadStartPage } from "@/app/(app)/start-page";
import { listDeadlines } from "@/features/diarium/server/deadlines";
import { getMeetingDetail } from "@/features/meetings/server/meeting-page-queries";
import { loadPublicDiariumPage } from "@/app/[kommun]/offentligt-diarium/public-diarium-page";
import { loadHeader } from "@/features/notifications/server/header-queries";
import { loadActor, type Actor } from "@/server/auth/actor";
import { createDb, setDb } from "@/server/db";
import { DEMO_MEETING_PLANNED_ID } from "../scripts/seed/demo-meetings";
import { benchTargets, percentiles, type BenchCase, type PageSql } from "./targets";

const RENDERS = 20;
const WARMUP = 3;

const { BENCH_DATABASE_URL, BENCH_CASE, BENCH_TARGETS, BENCH_OUT } = process.env;

/**
 * One render's SQL: its round trips, and the milliseconds during which at least one of them was
 * waiting for its result. The header and the page are read at the same time, as the route does:
 * two queries in flight together count once, as the render waits for them once.
 */
type Recording = { ms: number; queries: number; inFlight: number; busySince: number };
let recording: Recording | null = null;
/** Times each query until its result arrives, whether it is awaited or (as pg.Pool.query does) called back. */
const onConnect = (client: pg.PoolClient) => {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const current = recording;
    if (!current) return query(...args);
    current.queries++;
    if (current.inFlight++ === 0) current.busySince = performance.now();
    const done = () => {
      if (--current.inFlight === 0) current.ms += performance.now() - current.busySince;
    };
    const last = args.at(-1);
    if (typeof last === "function") {
      return query(...args.slice(0, -1), (...result: unknown[]) => {
        done();
        return (last as (...values: unknown[]) => unknown)(...result);
      });
    }
    const result = query(...args);
    if (result instanceof Promise) void result.finally(done).catch(() => undefined);
    return result;
  };
};

it("times the SQL of each page's render", async () => {
  if (!BENCH_DATABASE_URL || !BENCH_CASE || !BENCH_TARGETS || !BENCH_OUT) throw new Error("Started by scripts/bench-pages.ts (BENCH_DATABASE_URL, BENCH_CASE, BENCH_TARGETS, BENCH_OUT).");
  const db = createDb(BENCH_DATABASE_URL, 10, onConnect);
  setDb(db);
  const benchCase = JSON.parse(BENCH_CASE) as BenchCase;
  const wanted = new Set(BENCH_TARGETS.split(","));
  const pages: Record<string, (actor: Actor) => Promise<unknown>> = {
    "case-page": (actor) => loadCasePage({ actor, caseId: benchCase.id }),
    "case-page-collection": (actor) => loadCasePage({ actor, caseId: benchCase.collectionId }),
    "diarium-list": (actor) => loadDiariumPage({ actor, searchParams: {} }),
    "statement-editor": (actor) => loadStatementPage({ actor, caseId: benchCase.id }),
    "start-page": (actor) => loadStartPage(actor),
    "start-page-secretary": (actor) => loadStartPage(actor),
    "meeting-page": (actor) => getMeetingDetail({ actor, meetingId: DEMO_MEETING_PLANNED_ID }),
    bevakning: (actor) => listDeadlines({ actor }),
  };
  const results: Record<string, PageSql> = {};
  try {
    for (const target of benchTargets(benchCase).filter((candidate) => wanted.has(candidate.name) && candidate.name !== "trivial")) {
      const query = new URL(target.path, "http://bench").searchParams;
      const q = query.get("q") ?? undefined;
      const user = target.user ? await db.user.findUniqueOrThrow({ where: { username: target.user }, select: { id: true, sessionVersion: true } }) : null;
      const render = async () => {
        if (!user) return loadPublicDiariumPage({ kommun: "stockholm", searchParams: q ? { q } : {} });
        const actor = await loadActor({ userId: user.id, sessionVersion: user.sessionVersion, authTime: Math.floor(Date.now() / 1000) });
        if (!actor) throw new Error(`No actor for ${target.user}`);
        const page = target.name.startsWith("search-") ? loadSearchPage({ actor, searchParams: { q } }) : pages[target.name]!(actor);
        return Promise.all([loadHeader(actor), page]);
      };
      for (let i = 0; i < WARMUP; i++) await render();
      const samples: Recording[] = [];
      for (let i = 0; i < RENDERS; i++) {
        const current = { ms: 0, queries: 0, inFlight: 0, busySince: 0 };
        recording = current;
        await render();
        recording = null;
        samples.push(current);
      }
      results[target.name] = { queries: samples[0]!.queries, ...percentiles(samples.map((sample) => sample.ms)) };
    }
  } finally {
    await db.$disconnect();
  }
  await writeFile(BENCH_OUT, JSON.stringify(results));
});
