// A fresh database per test file: cloned from the migrated template (see global-setup.ts).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { createDb, setDb, type Db } from "@/server/db";
import { TEMPLATE_DATABASE, withDatabase } from "./database-url";

export type TestDatabase = { url: string; db: Db; name: string };

const adminQuery = async (sql: string): Promise<void> => {
  const client = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

/**
 * Creates a database for the calling test file and drops it after the file's tests.
 * The shared `db` of src/server/db.ts points at it for the rest of the file.
 * `migrated: false` gives an empty database (for the migration runner's own tests);
 * `onConnect` sees each connection the shared client opens (see query-counter.ts).
 */
export const createTestDatabase = async ({ migrated = true, onConnect }: { migrated?: boolean; onConnect?: (client: pg.PoolClient) => void } = {}): Promise<TestDatabase> => {
  const name = `yttra_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(migrated ? `CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"` : `CREATE DATABASE "${name}"`);
  const url = withDatabase(inject("adminDatabaseUrl"), name);
  const db = createDb(url, 20, onConnect);
  // Services use the shared client; in this test file it is this database.
  setDb(db);
  afterAll(async () => {
    await db.$disconnect();
    await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
  return { url, db, name };
};
