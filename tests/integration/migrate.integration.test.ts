// The migration runner against real, empty databases: Prisma-compatible bookkeeping,
// idempotence, two instances starting at once, and refusal of untrustworthy history.
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDatabase, scriptMatchesChecksum } from "@/server/migrate";
import { createTestDatabase } from "../support/database";

const MIGRATIONS_DIR = path.resolve("prisma/migrations");

const migrationNames = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

type Row = {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
};

const query = async <T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
};

const bookkeeping = (url: string) => query<Row>(url, "SELECT * FROM _prisma_migrations ORDER BY migration_name");

const tableExists = async (url: string, table: string): Promise<boolean> =>
  (await query<{ exists: boolean }>(url, `SELECT to_regclass('public.${table}') IS NOT NULL AS exists`))[0]?.exists === true;

/** A scratch copy of prisma/migrations that a test may edit. */
const copyMigrations = async (): Promise<string> => {
  const dir = await mkdtemp(path.join(tmpdir(), "yttra-migrations-"));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  tempDirs.push(dir);
  return dir;
};
const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

const fresh = await createTestDatabase({ migrated: false });
const concurrent = await createTestDatabase({ migrated: false });
const edited = await createTestDatabase({ migrated: false });
const failing = await createTestDatabase({ migrated: false });
const refused = await createTestDatabase({ migrated: false });

describe("migrateDatabase", () => {
  it("migrates an empty database and records every migration the way Prisma does", async () => {
    const names = await migrationNames(MIGRATIONS_DIR);
    expect(names.length).toBeGreaterThan(0);

    const { applied } = await migrateDatabase({ connectionString: fresh.url });
    expect(applied).toEqual(names);

    const rows = await bookkeeping(fresh.url);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const script = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      // Prisma's render_checksum: hex SHA-256 of the file's bytes.
      expect(row.checksum).toBe(createHash("sha256").update(script).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }

    // The table itself must be the one `prisma migrate deploy` would have created.
    const columns = await query<{ column_name: string; data_type: string; len: number | null; is_nullable: string; column_default: string | null }>(
      fresh.url,
      `SELECT column_name, data_type, character_maximum_length AS len, is_nullable, column_default
       FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "character varying", len: 36, is_nullable: "NO", column_default: null },
      { column_name: "checksum", data_type: "character varying", len: 64, is_nullable: "NO", column_default: null },
      { column_name: "finished_at", data_type: "timestamp with time zone", len: null, is_nullable: "YES", column_default: null },
      { column_name: "migration_name", data_type: "character varying", len: 255, is_nullable: "NO", column_default: null },
      { column_name: "logs", data_type: "text", len: null, is_nullable: "YES", column_default: null },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", len: null, is_nullable: "YES", column_default: null },
      { column_name: "started_at", data_type: "timestamp with time zone", len: null, is_nullable: "NO", column_default: "now()" },
      { column_name: "applied_steps_count", data_type: "integer", len: null, is_nullable: "NO", column_default: "0" },
    ]);
    expect(await tableExists(fresh.url, "app_user")).toBe(true);
  });

  it("applies nothing when run again on an up-to-date database", async () => {
    const before = await bookkeeping(fresh.url);
    const { applied } = await migrateDatabase({ connectionString: fresh.url });
    expect(applied).toEqual([]);
    expect(await bookkeeping(fresh.url)).toEqual(before);
  });

  it("lets two instances start together: each migration is applied exactly once", async () => {
    const names = await migrationNames(MIGRATIONS_DIR);
    const results = await Promise.all([
      migrateDatabase({ connectionString: concurrent.url }),
      migrateDatabase({ connectionString: concurrent.url }),
    ]);
    expect(results.flatMap((result) => result.applied).sort()).toEqual(names);
    const rows = await bookkeeping(concurrent.url);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    // Nothing left holding Prisma's migration lock on this database (pg_locks lists the whole
    // cluster, where other test files migrate their own databases at the same time).
    const locks = await query<{ n: number }>(
      concurrent.url,
      `SELECT count(*)::int AS n FROM pg_locks
       WHERE locktype = 'advisory' AND objid = 72707369
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    expect(locks[0]?.n).toBe(0);
  });

  it("refuses a migration that was edited after it was applied, but not a line-ending change", async () => {
    const dir = await copyMigrations();
    const [first] = await migrationNames(dir);
    if (!first) throw new Error("no migrations");
    await migrateDatabase({ connectionString: edited.url, migrationsDir: dir });

    const file = path.join(dir, first, "migration.sql");
    const original = await readFile(file, "utf8");
    // git with autocrlf checks files out with CRLF; Prisma treats that as the same file.
    await writeFile(file, original.replaceAll("\n", "\r\n"));
    await expect(migrateDatabase({ connectionString: edited.url, migrationsDir: dir })).resolves.toEqual({ applied: [] });

    await writeFile(file, `${original}\nALTER TABLE "app_user" ADD COLUMN "nickname" TEXT;\n`);
    await expect(migrateDatabase({ connectionString: edited.url, migrationsDir: dir })).rejects.toThrow(
      new RegExp(`Migration "${first}" was edited after it was applied`),
    );
  });

  it("rolls a failing migration back completely and records no finished row for it", async () => {
    const dir = await copyMigrations();
    const broken = "29990101000000_broken";
    await mkdir(path.join(dir, broken));
    await writeFile(
      path.join(dir, broken, "migration.sql"),
      'CREATE TABLE "probe_partial" ("id" INTEGER PRIMARY KEY);\n\nSELECT "no_such_column" FROM "probe_partial";\n',
    );
    const error = await migrateDatabase({ connectionString: failing.url, migrationsDir: dir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(`Migration "${broken}" failed`);
    expect((error as Error).message).toContain("no_such_column");
    expect((error as Error).message).toContain("line 3");

    expect(await tableExists(failing.url, "probe_partial")).toBe(false);
    const rows = await bookkeeping(failing.url);
    expect(rows.filter((row) => row.migration_name === broken && row.finished_at !== null)).toEqual([]);
    // The migrations before it are complete and recorded; the database is usable.
    expect(rows.map((row) => row.migration_name)).toEqual(await migrationNames(MIGRATIONS_DIR));

    // Fixing the file is enough: nothing blocks the next attempt.
    await writeFile(path.join(dir, broken, "migration.sql"), 'CREATE TABLE "probe_partial" ("id" INTEGER PRIMARY KEY);\n');
    await expect(migrateDatabase({ connectionString: failing.url, migrationsDir: dir })).resolves.toEqual({ applied: [broken] });
  });

  it("refuses a missing migration folder, a recorded failed attempt and a lock file for another provider", async () => {
    const dir = await copyMigrations();
    await migrateDatabase({ connectionString: refused.url, migrationsDir: dir });

    const ghost = "29990101000000_ghost";
    await query(
      refused.url,
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count)
       VALUES (gen_random_uuid()::text, '${"0".repeat(64)}', '${ghost}', now(), 1)`,
    );
    await expect(migrateDatabase({ connectionString: refused.url, migrationsDir: dir })).rejects.toThrow(
      new RegExp(`Migration "${ghost}" is applied to the database but its folder is missing`),
    );

    await query(refused.url, `UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = '${ghost}'`);
    await expect(migrateDatabase({ connectionString: refused.url, migrationsDir: dir })).rejects.toThrow(
      new RegExp(`Migration "${ghost}" was started but never finished`),
    );

    // Resolved as rolled back (what `prisma migrate resolve --rolled-back` does): no longer blocks.
    await query(refused.url, `UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '${ghost}'`);
    await expect(migrateDatabase({ connectionString: refused.url, migrationsDir: dir })).resolves.toEqual({ applied: [] });

    await writeFile(path.join(dir, "migration_lock.toml"), 'provider = "mysql"\n');
    await expect(migrateDatabase({ connectionString: refused.url, migrationsDir: dir })).rejects.toThrow(/provider = "mysql".*expected provider = "postgresql"/);
  });
});

describe("scriptMatchesChecksum", () => {
  it("follows Prisma: line endings do not matter, content does, old unpadded checksums still match", () => {
    const lf = Buffer.from("ab\ncd\n");
    const crlf = Buffer.from("ab\r\ncd\r\n");
    const checksum = (script: Buffer) => createHash("sha256").update(script).digest("hex");
    expect(scriptMatchesChecksum(crlf, checksum(lf))).toBe(true);
    expect(scriptMatchesChecksum(lf, checksum(crlf))).toBe(true);
    expect(scriptMatchesChecksum(Buffer.from("ab\ncd"), checksum(lf))).toBe(false);
    // prisma-engines' own test vector.
    expect(checksum(Buffer.from("hello"))).toBe("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    const digest = createHash("sha256").update(lf).digest();
    const unpadded = [...digest].map((byte) => byte.toString(16)).join("");
    if (unpadded.length !== 64) expect(scriptMatchesChecksum(lf, unpadded)).toBe(true);
  });
});
