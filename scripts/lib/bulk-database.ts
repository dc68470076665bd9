// The benchmark database: `yttra_bulk` in the embedded PostgreSQL of YTTRA_DATA_DIR (beside
// the demo database `yttra`, which it never touches), holding the demo installation and the
// bulk data of scripts/seed/bulk.ts. `npm run db:seed:bulk` makes it anew; `npm run bench`
// reuses it when it is there in the current BULK_DATA_VERSION and seeds it when it is not.
import path from "node:path";
import pg from "pg";
import { createDb, setDb } from "@/server/db";
import { startEmbeddedPostgres } from "@/server/embedded-postgres";
import { env } from "@/server/env";
import { migrateDatabase } from "@/server/migrate";
import { BULK_DATA_VERSION, seedBulkData } from "../seed/bulk";
import { seedDemoInstallation } from "../seed/demo";

export const BULK_DATABASE = "yttra_bulk";

export type OpenBulkDatabaseOptions = {
  /** Drop and seed the database even if it exists. */
  fresh: boolean;
  /** Sizes when it has to be seeded. */
  cases: number;
  documents: number;
  nodeEnv: string;
  log: (message: string) => void;
};

export type BulkDatabase = { url: string; cases: number; documents: number; description: string; stop: () => Promise<void> };

const query = async <T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
};

/** What the database was seeded with, from its `seed.bulk` event; null if it was never seeded. */
const seeded = async (url: string): Promise<{ version: number; cases: number; documents: number } | null> => {
  const [table] = await query<{ exists: boolean }>(url, "SELECT to_regclass('public.audit_event') IS NOT NULL AS exists");
  if (!table?.exists) return null;
  const [event] = await query<{ data: { version?: number; cases: number; documents: number } }>(url, "SELECT data FROM audit_event WHERE action = 'seed.bulk' ORDER BY seq DESC LIMIT 1");
  return event ? { version: event.data.version ?? 1, cases: event.data.cases, documents: event.data.documents } : null;
};

export const openBulkDatabase = async ({ fresh, cases, documents, nodeEnv, log }: OpenBulkDatabaseOptions): Promise<BulkDatabase> => {
  const dataDir = path.resolve(env.YTTRA_DATA_DIR);
  const database = await startEmbeddedPostgres({ dir: dataDir, database: BULK_DATABASE });
  const description = `databasen ${BULK_DATABASE} i den inbäddade PostgreSQL i ${dataDir}`;
  try {
    const found = fresh ? null : await seeded(database.url);
    if (found && found.version !== BULK_DATA_VERSION) log(`${description} har massdata av version ${found.version}, inte ${BULK_DATA_VERSION}: den läggs in på nytt.`);
    let sizes = found?.version === BULK_DATA_VERSION ? { cases: found.cases, documents: found.documents } : null;
    if (!sizes) {
      await query(database.adminUrl, `DROP DATABASE IF EXISTS "${BULK_DATABASE}" WITH (FORCE)`);
      await query(database.adminUrl, `CREATE DATABASE "${BULK_DATABASE}"`);
      log(`Lägger in ${cases} ärenden och ${documents} handlingar i ${description} …`);
      await migrateDatabase({ connectionString: database.url, log: () => undefined });
      const client = createDb(database.url, 4);
      setDb(client);
      try {
        await seedDemoInstallation({ nodeEnv, force: false });
        log("demodata");
        const result = await seedBulkData({ cases, documents, log });
        log(`${JSON.stringify(result)}`);
      } finally {
        await client.$disconnect();
      }
      sizes = { cases, documents };
    } else {
      // Data seeded by an older version: bring the schema (indexes too) up to date.
      await migrateDatabase({ connectionString: database.url, log });
    }
    return { url: database.url, ...sizes, description, stop: database.stop };
  } catch (error) {
    await database.stop();
    throw error;
  }
};
