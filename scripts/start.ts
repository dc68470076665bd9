// npm start (production) and npm run dev (development): one command from a fresh clone to
// a running app. Builds when the sources changed since the last build, starts the embedded
// PostgreSQL unless DATABASE_URL is set, migrates, seeds demo data into a new embedded
// database, serves on PORT and prints the URL and demo logins. Ctrl-C stops everything.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createDb, setDb } from "@/server/db";
import { env } from "@/server/env";
import { migrateDatabase } from "@/server/migrate";
import { DEMO_PASSWORD, DEMO_USERS } from "./seed/demo-organisation";
import { seedDemoInstallation } from "./seed/demo";
import { EXEMPELBY_USERS } from "./seed/exempelby";
import { openAppDatabase } from "./lib/app-database";
import { appServerArgs, waitForHealth } from "./lib/app-server";
import { buildIfNeeded } from "./lib/build";

const dev = process.argv.includes("--dev");
const root = process.cwd();
const dataDir = path.resolve(env.YTTRA_DATA_DIR);
const log = (message: string) => console.log(`[yttra] ${message}`);

/** NEXTAUTH_SECRET from the environment, or one generated once and kept in the data directory. */
const authSecret = async (): Promise<string> => {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (env.NODE_ENV === "production" && env.DATABASE_URL) {
    throw new Error("NEXTAUTH_SECRET must be set when running in production against an external database.");
  }
  const file = path.join(dataDir, "nextauth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
};

const main = async () => {
  const startedAt = Date.now();
  if (!dev) await buildIfNeeded({ skip: env.YTTRA_SKIP_BUILD, log });

  const database = await openAppDatabase();
  let app: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of [app, worker]) {
      if (child && child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((resolve) => child.once("exit", resolve));
      }
    }
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    const migration = await migrateDatabase({ connectionString: database.url });
    if (migration.applied.length > 0) log(`Migreringar körda: ${migration.applied.join(", ")}`);

    const client = createDb(database.url, 2);
    setDb(client);
    const users = await client.user.count();
    let demo = false;
    if (users === 0 && (database.embedded || env.YTTRA_ALLOW_DEMO_SEED)) {
      // A brand-new embedded database is a demo installation: give it the demo organisation.
      await seedDemoInstallation({ nodeEnv: "development", force: true });
      demo = true;
      log("Demodata skapad.");
    } else {
      demo = (await client.user.count({ where: { username: { in: DEMO_USERS.map((user) => user.username) } } })) > 0;
    }
    await client.$disconnect();

    const port = env.PORT;
    const baseUrl = env.NEXTAUTH_URL ?? `http://localhost:${port}`;
    // scripts/serve.mjs: Next.js behind a step that records the socket's address (X-Forwarded-For).
    app = spawn(process.execPath, appServerArgs(root, dev ? ["--dev"] : []), {
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: dev ? "development" : "production",
        PORT: String(port),
        DATABASE_URL: database.url,
        NEXTAUTH_SECRET: await authSecret(),
        NEXTAUTH_URL: baseUrl,
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    app.on("exit", (code) => void stop(code ?? 1));
    // The job worker (e-mail outbox) on the same database; it restarts itself on a crash.
    const startWorker = () => {
      worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "worker.ts")], {
        stdio: ["ignore", "inherit", "inherit"],
        env: { ...process.env, DATABASE_URL: database.url, NEXTAUTH_URL: baseUrl },
      });
      worker.on("exit", (code) => {
        if (stopping) return;
        log(`Jobbprocessen avslutades (kod ${code}); startar om.`);
        setTimeout(startWorker, 2_000);
      });
    };
    startWorker();
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, app, dev ? 180_000 : 60_000);

    log(`Yttra är igång på ${baseUrl} (startade på ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`);
    log(database.embedded ? `Databas: inbäddad PostgreSQL i ${dataDir}` : "Databas: DATABASE_URL");
    if (demo) {
      log(`Demoinloggningar (lösenord "${DEMO_PASSWORD}"):`);
      for (const user of DEMO_USERS) log(`  ${user.username.padEnd(14)} ${user.name}, ${user.title}`);
      log(`Exempelby kommun (samma lösenord):`);
      for (const user of EXEMPELBY_USERS) log(`  ${user.username.padEnd(26)} ${user.name}, ${user.title}`);
    } else if (users === 0) {
      log("Inga användare ännu: skapa installationens administratör med `npm run user:create -- --installation --username … --name …` och lägg in kommunen under Administration → Kommuner.");
    }
    log("Avsluta med Ctrl-C.");
  } catch (error) {
    console.error(`[yttra] ${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
  }
};

void main();
