// The migration that files every mail under a municipality, run against databases that
// already hold mail: each mail is attributed by its recipient or to the only municipality,
// and a mail that cannot be attributed stops the migration instead of being guessed.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/server/migrate";
import { createTestDatabase } from "../support/database";

const MIGRATIONS_DIR = path.resolve("prisma/migrations");
const MIGRATION = "20261201090000_mail_message_municipality";

const before = await mkdtemp(path.join(tmpdir(), "yttra-migrations-"));
// The database as it was before this migration: the migrations older than it (later ones may need its result).
const olderThanMigration = (source: string) => {
  const folder = path.relative(MIGRATIONS_DIR, source).split(path.sep)[0] ?? "";
  return !/^\d{14}_/.test(folder) || folder < MIGRATION;
};
await cp(MIGRATIONS_DIR, before, { recursive: true, filter: olderThanMigration });
afterAll(() => rm(before, { recursive: true, force: true }));

const sql = async <T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
};

const TWO_MUNICIPALITIES = `
  INSERT INTO municipality (id, name, updated_at) VALUES ('sthlm', 'Stockholms stad', now()), ('gbg', 'Göteborgs stad', now());
  INSERT INTO committee (id, municipality_id, name, short_name, updated_at) VALUES ('gbg-ks', 'gbg', 'Kommunstyrelsen', 'KS', now());
  INSERT INTO app_user (id, username, name, email, updated_at) VALUES ('00000000-0000-7000-8000-000000000001', 'anna', 'Anna', 'Anna@sthlm.example', now());
  INSERT INTO membership (id, user_id, role, municipality_id, updated_at) VALUES ('00000000-0000-7000-8000-000000000002', '00000000-0000-7000-8000-000000000001', 'ADMIN', 'sthlm', now());
  INSERT INTO committee_member (id, committee_id, name, role, email, updated_at) VALUES ('00000000-0000-7000-8000-000000000003', 'gbg-ks', 'Bo', 'MEMBER', 'bo@gbg.example', now());
  INSERT INTO mail_message (id, to_address, subject, text, updated_at) VALUES
    ('00000000-0000-7000-8000-0000000000a1', 'anna@sthlm.example', 's', 't', now()),
    ('00000000-0000-7000-8000-0000000000a2', 'bo@gbg.example', 's', 't', now());`;

const attributed = (url: string) => sql<{ to_address: string; municipality_id: string }>(url, "SELECT to_address, municipality_id FROM mail_message ORDER BY id");

describe("the mail_message municipality migration", () => {
  it("attributes existing mail by its recipient when there are several municipalities", async () => {
    const { url } = await createTestDatabase({ migrated: false });
    await migrateDatabase({ connectionString: url, migrationsDir: before });
    await sql(url, TWO_MUNICIPALITIES);
    await migrateDatabase({ connectionString: url });
    expect(await attributed(url)).toEqual([
      { to_address: "anna@sthlm.example", municipality_id: "sthlm" },
      { to_address: "bo@gbg.example", municipality_id: "gbg" },
    ]);
  });

  it("attributes any mail to the only municipality of an installation", async () => {
    const { url } = await createTestDatabase({ migrated: false });
    await migrateDatabase({ connectionString: url, migrationsDir: before });
    await sql(url, `INSERT INTO municipality (id, name, updated_at) VALUES ('sthlm', 'Stockholms stad', now());
      INSERT INTO mail_message (id, to_address, subject, text, updated_at) VALUES ('00000000-0000-7000-8000-0000000000a1', 'okand@example.org', 's', 't', now());`);
    await migrateDatabase({ connectionString: url });
    expect(await attributed(url)).toEqual([{ to_address: "okand@example.org", municipality_id: "sthlm" }]);
  });

  it("stops with a message, changing nothing, when a mail cannot be attributed", async () => {
    const { url } = await createTestDatabase({ migrated: false });
    await migrateDatabase({ connectionString: url, migrationsDir: before });
    await sql(url, `${TWO_MUNICIPALITIES} INSERT INTO mail_message (id, to_address, subject, text, updated_at) VALUES ('00000000-0000-7000-8000-0000000000a3', 'okand@example.org', 's', 't', now());`);
    await expect(migrateDatabase({ connectionString: url })).rejects.toThrow(/1 e-postmeddelanden kan inte knytas till en kommun/);
    expect(await sql(url, "SELECT column_name FROM information_schema.columns WHERE table_name = 'mail_message' AND column_name = 'municipality_id'")).toEqual([]);
  });
});
