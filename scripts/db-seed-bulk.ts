// npm run db:seed:bulk -- --cases 100000 --documents 1000000: a benchmark database with the
// demo installation and bulk data (scripts/seed/bulk.ts). It is written to its own database,
// `yttra_bulk`, in the embedded PostgreSQL of YTTRA_DATA_DIR, which
// is dropped and created anew: the demo database `yttra` that `npm start` uses is not touched.
import { parseArgs } from "node:util";
import { env } from "@/server/env";
import { openBulkDatabase } from "./lib/bulk-database";

const { values } = parseArgs({ options: { cases: { type: "string", default: "100000" }, documents: { type: "string", default: "1000000" } } });
const count = (name: string, value: string): number => {
  const parsed = Number.parseInt(value, 10);
  if (!Number.isInteger(parsed) || parsed < 1 || String(parsed) !== value) throw new Error(`--${name} måste vara ett positivt heltal (fick "${value}").`);
  return parsed;
};

const main = async () => {
  const cases = count("cases", values.cases);
  const documents = count("documents", values.documents);
  const started = performance.now();
  const database = await openBulkDatabase({ fresh: true, cases, documents, nodeEnv: env.NODE_ENV, log: (message) => console.log(`[bulk] ${message}`) });
  await database.stop();
  console.log(`[bulk] Klart på ${Math.round((performance.now() - started) / 1000)} s: ${database.description}`);
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
