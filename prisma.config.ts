// Prisma CLI configuration. Only `prisma generate` runs on machines without Prisma's
// engine binaries (see scripts/prisma-generate.mjs); on a connected machine
// `prisma migrate deploy` reads the same migrations and agrees with `npm run db:migrate`.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
