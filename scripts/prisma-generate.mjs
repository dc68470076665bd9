// Runs `prisma generate` offline. The Prisma CLI insists on a schema-engine binary even
// though `generate` never uses it, and that binary cannot be downloaded on our machines.
// Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies the check; the
// generated `prisma-client` (driver adapter + bundled query compiler) needs no engine.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let cli;
try {
  cli = require.resolve("prisma/build/index.js");
} catch {
  // Production installs (npm ci --omit=dev) have no CLI; the client must then be generated at build time.
  if (existsSync("src/generated/prisma/client.ts")) process.exit(0);
  console.error("prisma-generate: the prisma CLI is not installed and no generated client exists.");
  process.exit(1);
}

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const result = spawnSync(process.execPath, [cli, "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
