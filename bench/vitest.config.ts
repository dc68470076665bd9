// `npm run bench` times each page's SQL with this config (bench/page-sql.run.ts): the read
// models run as in the integration tests, with `server-only` as an empty module.
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");

export default defineConfig({
  root,
  resolve: {
    alias: {
      "@": path.resolve(root, "src"),
      "server-only": path.resolve(root, "tests/support/empty-module.ts"),
    },
  },
  test: { include: ["bench/page-sql.run.ts"], testTimeout: 600_000, pool: "forks", maxWorkers: 1 },
});
