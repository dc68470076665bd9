// Starts one PostgreSQL for the whole Vitest run (the embedded one, or the server in
// TEST_DATABASE_URL) and migrates a template database that every integration test file
// clones (CREATE DATABASE … TEMPLATE), so each file gets a fresh, migrated database in ~50 ms.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDatabaseIfMissing, startEmbeddedPostgres } from "@/server/embedded-postgres";
import { migrateDatabase } from "@/server/migrate";
import { assertLocalDatabase, TEMPLATE_DATABASE, withDatabase } from "./database-url";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  let adminUrl: string;
  if (external) {
    assertLocalDatabase(external);
    adminUrl = withDatabase(external, "postgres");
  } else {
    const dir = await mkdtemp(path.join(tmpdir(), "yttra-test-db-"));
    const database = await startEmbeddedPostgres({ dir, ephemeral: true });
    adminUrl = database.adminUrl;
    stop = async () => {
      await database.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  // A fresh template each run, so a changed migration is always picked up.
  const { Client } = (await import("pg")).default;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
  await admin.end();
  await createDatabaseIfMissing(adminUrl, TEMPLATE_DATABASE);
  await migrateDatabase({ connectionString: withDatabase(adminUrl, TEMPLATE_DATABASE) });

  project.provide("adminDatabaseUrl", adminUrl);
  return stop;
}
