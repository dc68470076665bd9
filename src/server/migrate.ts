// Applies prisma/migrations with node-postgres. Prisma's schema engine binary cannot be
// downloaded everywhere we run, so `prisma migrate deploy` is not available; this runner
// keeps the same bookkeeping (table `_prisma_migrations`, checksums, advisory lock) so a
// machine that does have the engine sees the same history and agrees with it.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/**
 * Prisma Migrate's own lock key (prisma-engines, sql-schema-connector/src/flavour/postgres.rs:
 * `SELECT pg_advisory_lock(72707369)`). Using the same key makes this runner and a concurrent
 * `prisma migrate deploy` wait for each other instead of applying the same migration twice.
 */
export const MIGRATION_ADVISORY_LOCK_ID = 72707369;

export type MigrateDatabaseOptions = {
  connectionString: string;
  /** Folder with `<name>/migration.sql` and `migration_lock.toml`; relative to process.cwd(). */
  migrationsDir?: string;
  log?: (message: string) => void;
};

export type MigrateDatabaseResult = { applied: string[] };

export type MigrationFile = { name: string; script: Buffer; checksum: string };

type MigrationRow = {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

/**
 * The checksum Prisma records for a new migration: lower-case, zero-padded hex SHA-256 of
 * the script exactly as read from disk — no line-ending normalisation when recording
 * (prisma-engines schema-connector/src/checksum.rs `render_checksum`).
 */
export const migrationChecksum = (script: Buffer | string): string => createHash("sha256").update(script).digest("hex");

/**
 * Prisma's rule for "is this file still the one that was applied"
 * (checksum.rs `script_matches_checksum`): the script as is, with CRLF→LF and with LF→CRLF
 * all count, so a checkout with other line endings (git autocrlf) is not an edit. Old
 * engine versions stored hex without zero padding (prisma-engines#1887); such a record is
 * compared in that format.
 */
export const scriptMatchesChecksum = (script: Buffer, recorded: string): boolean => {
  const text = script.toString("utf8");
  const candidates = [script, Buffer.from(text.replaceAll("\r\n", "\n"), "utf8"), Buffer.from(text.replaceAll("\n", "\r\n"), "utf8")];
  return candidates.some((candidate) => {
    const digest = createHash("sha256").update(candidate).digest();
    const rendered =
      recorded.length !== 0 && recorded.length !== 64
        ? [...digest].map((byte) => byte.toString(16)).join("")
        : digest.toString("hex");
    return rendered === recorded;
  });
};

/** Prisma refuses a migrations folder made for another provider; so do we. */
export const assertPostgresLockFile = async (migrationsDir: string): Promise<void> => {
  const lockFile = path.join(migrationsDir, "migration_lock.toml");
  if (!existsSync(lockFile)) {
    throw new Error(`Migrations folder ${migrationsDir} has no migration_lock.toml; expected one with provider = "postgresql".`);
  }
  const provider = /^\s*provider\s*=\s*"([^"]*)"/m.exec(await readFile(lockFile, "utf8"))?.[1];
  if (provider !== "postgresql") {
    throw new Error(
      `${lockFile} says provider = ${provider === undefined ? "(missing)" : `"${provider}"`}, but these migrations are applied to PostgreSQL (expected provider = "postgresql").`,
    );
  }
};

/** Every `<name>/migration.sql` in name order — the order Prisma applies them in. */
export const readMigrationFiles = async (migrationsDir: string): Promise<MigrationFile[]> => {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  // Byte order, not locale order: the timestamp prefix must decide, as in Prisma.
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      if (!existsSync(file)) throw new Error(`Migration "${name}" has no migration.sql (${file}).`);
      const script = await readFile(file);
      return { name, script, checksum: migrationChecksum(script) };
    }),
  );
};

// Same DDL as prisma-engines' PostgresFlavour::create_migrations_table, so `prisma migrate`
// finds exactly the table it would have created itself.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

/** PostgreSQL reports a 1-based character position into the script; a line number is easier to act on. */
const describeDatabaseError = (error: unknown, script: string): string => {
  if (!(error instanceof Error)) return String(error);
  const position = Number((error as { position?: string }).position);
  if (!Number.isFinite(position) || position < 1) return error.message;
  const line = script.slice(0, position - 1).split("\n").length;
  return `${error.message} (migration.sql line ${line})`;
};

/**
 * Checks the recorded history against the files before anything is applied, so a database
 * whose history cannot be trusted is never changed further.
 */
const assertHistoryConsistent = (rows: MigrationRow[], files: MigrationFile[]): void => {
  const filesByName = new Map(files.map((file) => [file.name, file]));
  for (const row of rows) {
    // A row rolled back with `prisma migrate resolve --rolled-back` is history, not state.
    if (row.rolled_back_at) continue;
    if (!row.finished_at) {
      throw new Error(
        `Migration "${row.migration_name}" was started but never finished (a failed earlier attempt is recorded in _prisma_migrations). ` +
          `Inspect the database, then mark it with \`prisma migrate resolve --rolled-back ${row.migration_name}\` or \`--applied\` before migrating again.`,
      );
    }
    const file = filesByName.get(row.migration_name);
    if (!file) {
      throw new Error(
        `Migration "${row.migration_name}" is applied to the database but its folder is missing from the migrations directory. ` +
          "Restore the folder; the code is probably older than the database.",
      );
    }
    if (!scriptMatchesChecksum(file.script, row.checksum)) {
      throw new Error(
        `Migration "${row.migration_name}" was edited after it was applied: its migration.sql no longer matches the checksum recorded in _prisma_migrations. ` +
          "Restore the original file and put the change in a new migration.",
      );
    }
  }
};

/**
 * Applies every pending migration, each in its own transaction together with its
 * `_prisma_migrations` row: a migration either lands completely and is recorded as finished,
 * or leaves no trace. (Consequence: a migration cannot contain statements that refuse to run
 * inside a transaction, such as CREATE INDEX CONCURRENTLY.)
 */
export const migrateDatabase = async ({
  connectionString,
  migrationsDir = "prisma/migrations",
  log = () => undefined,
}: MigrateDatabaseOptions): Promise<MigrateDatabaseResult> => {
  const dir = path.resolve(process.cwd(), migrationsDir);
  await assertPostgresLockFile(dir);
  const files = await readMigrationFiles(dir);

  // One session for lock, reads and transactions: a session-level advisory lock belongs to
  // the connection that took it.
  const client = new pg.Client({ connectionString, application_name: "yttra-migrate" });
  await client.connect();
  let locked = false;
  try {
    const { rows: tryRows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
      MIGRATION_ADVISORY_LOCK_ID,
    ]);
    if (!tryRows[0]?.locked) {
      log("Another process is migrating this database; waiting for it to finish …");
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_ADVISORY_LOCK_ID]);
    }
    locked = true;

    await client.query(CREATE_MIGRATIONS_TABLE);
    // Read only after the lock is held: whoever held it before may just have applied some.
    const { rows } = await client.query<MigrationRow>(
      "SELECT id, migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at, migration_name",
    );
    assertHistoryConsistent(rows, files);

    const applied = new Set(rows.filter((row) => row.finished_at && !row.rolled_back_at).map((row) => row.migration_name));
    const pending = files.filter((file) => !applied.has(file.name));
    const done: string[] = [];
    for (const file of pending) {
      const script = file.script.toString("utf8");
      log(`Applying migration ${file.name}`);
      await client.query("BEGIN");
      try {
        await client.query(script);
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw new Error(`Migration "${file.name}" failed and was rolled back: ${describeDatabaseError(error, script)}`, {
          cause: error,
        });
      }
      try {
        // started_at = now() is the transaction start; clock_timestamp() is after the script.
        await client.query(
          `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
          [randomUUID(), file.checksum, file.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw new Error(`Migration "${file.name}" could not be recorded and was rolled back: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
      done.push(file.name);
    }
    return { applied: done };
  } finally {
    if (locked) await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_ADVISORY_LOCK_ID]).catch(() => undefined);
    await client.end();
  }
};
