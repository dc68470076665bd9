// The e2e server's own database (the embedded PostgreSQL that scripts/start.ts runs in
// YTTRA_E2E_DATA_DIR), for tests that must prove a refused request changed nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { FILE_TYPES } from "../../../src/lib/file-type";

/** Connection string of the running e2e server's embedded database. */
/** With E2E_BASE_URL, set YTTRA_E2E_DATA_DIR to that server's YTTRA_DATA_DIR. */
export const e2eDatabaseUrl = (): string => {
  const dir = process.env.YTTRA_E2E_DATA_DIR ?? "";
  try {
    const password = readFileSync(path.join(dir, "postgres-password"), "utf8").trim();
    // postmaster.pid, line 4: the port the server listens on.
    const port = readFileSync(path.join(dir, "postgres", "postmaster.pid"), "utf8").split("\n")[3]?.trim();
    return `postgresql://yttra:${encodeURIComponent(password)}@127.0.0.1:${port}/yttra`;
  } catch (error) {
    throw new Error(`No running e2e database in YTTRA_E2E_DATA_DIR=${dir} (${String(error)})`);
  }
};

export const connectE2eDatabase = async (): Promise<pg.Client> => {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  return client;
};

/**
 * Tables whose rows change without a request of the test: the mail worker delivers the
 * outbox after commit, a login records its time and failures.
 */
const VOLATILE_TABLES = new Set(["_prisma_migrations", "mail_message", "login_failure"]);
const VOLATILE_COLUMNS: Record<string, string[]> = { app_user: ["last_login_at", "updated_at"] };

/** The files whose text the worker extracts for search (src/server/text-extraction.ts). */
const EXTRACTED_TYPES = [FILE_TYPES.PDF.mimeType, FILE_TYPES.DOCX.mimeType];

/**
 * Waits until the worker has stored every generated record requested so far and extracted
 * the text of every file (it writes both after the request that caused them).
 */
const workerSettled = async (client: pg.Client): Promise<void> => {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 250))) {
    const { rows } = await client.query<{ pending: number }>(
      `SELECT (SELECT count(*) FROM generated_record WHERE file_id IS NULL AND blob_sha256 IS NULL AND failure IS NULL)
            + (SELECT count(*) FROM case_document_file WHERE text_extracted_at IS NULL AND mime_type = ANY($1))::int AS pending`,
      [EXTRACTED_TYPES],
    );
    if (Number(rows[0]!.pending) === 0) return;
  }
  throw new Error("The worker left generated records unstored or file texts unextracted for a minute");
};

/** Row count and an md5 over every row of every table, once the worker is idle: equal fingerprints = nothing was written. */
export const databaseFingerprint = async (client: pg.Client): Promise<Record<string, string>> => {
  await workerSettled(client);
  const tables = await client.query<{ name: string }>(
    `SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
  );
  const parts = tables.rows
    .map((row) => row.name)
    .filter((name) => !VOLATILE_TABLES.has(name))
    .map((name) => {
      const drop = VOLATILE_COLUMNS[name];
      const row = drop ? `(to_jsonb(t) - ARRAY[${drop.map((column) => `'${column}'`).join(", ")}])::text` : "t::text";
      return `SELECT '${name}' AS name, count(*) || ':' || md5(coalesce(string_agg(${row}, '|' ORDER BY ${row}), '')) AS print FROM "${name}" t`;
    });
  const result = await client.query<{ name: string; print: string }>(parts.join(" UNION ALL "));
  return Object.fromEntries(result.rows.map((row) => [row.name, row.print]));
};
