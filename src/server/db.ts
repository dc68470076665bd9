// The one Prisma client of the process (Prisma 7: driver adapter over node-postgres, no engine binary).
import "server-only";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "@/generated/prisma/client";
import { env } from "@/server/env";

export type Db = PrismaClient;
/** The client handed to a service inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * The queries Prisma writes for model reads and writes name every table with its schema
 * (`"public"."case"`); these are prepared once per connection under a name derived from their
 * text, so PostgreSQL parses them once and, after five runs, may keep one generic plan instead of
 * planning each run. Planning the relation-joined reads (the case page's case with its
 * handlingar, remisser and parties) cost more than running them: on the bulk data the database's
 * CPU per case page fell from 26 ms to 5 ms. Hand-written SQL (search, the start page's
 * summaries) is left unprepared: how selective its conditions are depends on the values (a rare
 * word or a common one), so it is planned for each run's values. Hand-written SQL whose plan does
 * not depend on its values (a read by key, such as the actor on every request) opts in with
 * PREPARE.
 *
 * Prisma writes a list (`id IN (…)`) with one parameter per element, so every length is a new
 * text: only queries with at most PREPARED_MAX_PARAMETERS parameters are prepared, and at most
 * PREPARED_MAX_STATEMENTS different ones per process, so what a connection keeps is bounded.
 */
const PREPARED_MAX_PARAMETERS = 32;
const PREPARED_MAX_STATEMENTS = 1_000;
const preparedNames = new Set<string>();

const PREPARE_MARK = "/* yttra:prepare */";

/** Written into hand-written SQL (`db.$queryRaw\`${PREPARE} SELECT …\``) that is to be prepared like Prisma's own queries. */
export const PREPARE = Prisma.raw(PREPARE_MARK);

const preparedStatementName = (query: { sql: string; args: unknown[] }): string => {
  if (query.args.length > PREPARED_MAX_PARAMETERS || !(query.sql.includes('"public".') || query.sql.includes(PREPARE_MARK))) return "";
  const name = `yttra_${createHash("sha1").update(query.sql).digest("base64url")}`;
  if (!preparedNames.has(name)) {
    if (preparedNames.size >= PREPARED_MAX_STATEMENTS) return "";
    preparedNames.add(name);
  }
  return name;
};

/**
 * `onConnect` sees each pooled connection once, when it is opened: the query-budget test
 * counts round trips there, at the driver, so production pays nothing for it.
 */
export const createDb = (connectionString: string, poolMax = env.DATABASE_POOL_MAX, onConnect?: (client: pg.PoolClient) => void): PrismaClient => {
  const pool = new pg.Pool({
    connectionString,
    max: poolMax,
    // Fail fast instead of hanging a request when the database is unreachable or saturated.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // A connection keeps the statements it has prepared; it is replaced now and then.
    maxUses: 10_000,
    statement_timeout: 30_000,
    application_name: "yttra",
    // No parallel workers: Yttra's queries walk indexes in order and stop at a page (LIMIT), and
    // many requests share the cores. A worker costs about 1 ms to start and as much CPU as the
    // query it halves; planning the parallel alternatives costs 0.4 ms per search. On the bulk
    // data the planner's parallel scans made a search for "trygghet" 21 → 29 ms.
    options: "-c max_parallel_workers_per_gather=0",
  });
  if (onConnect) pool.on("connect", onConnect);
  return new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true, statementNameGenerator: env.DATABASE_PREPARED_STATEMENTS ? preparedStatementName : undefined }),
    // Writers queue on the audit chain lock; give them time to get a connection and finish.
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
};

const globalForDb = globalThis as unknown as { __yttraDb?: PrismaClient };

const getClient = (): PrismaClient => {
  if (globalForDb.__yttraDb) return globalForDb.__yttraDb;
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: start the app with `npm start`, or set DATABASE_URL.");
  }
  globalForDb.__yttraDb = createDb(env.DATABASE_URL);
  return globalForDb.__yttraDb;
};

/**
 * The shared client, created on first use so that importing this module (e.g. during
 * `next build`) never needs a database.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get: (_target, property) => {
    const client = getClient();
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

/** Points the shared client at another database (test files and scripts that manage their own). */
export const setDb = (client: PrismaClient): void => {
  globalForDb.__yttraDb = client;
};

export const disconnectDb = async (): Promise<void> => {
  const client = globalForDb.__yttraDb;
  globalForDb.__yttraDb = undefined;
  await client?.$disconnect();
};
