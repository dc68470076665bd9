// src/server/db.ts prepares the queries Prisma writes once per connection (PostgreSQL may then
// keep their plan) and leaves hand-written SQL (unless marked with PREPARE) and long lists
// unprepared (read back from the connection's own pg_prepared_statements), and opens its
// connections without parallel workers.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, PREPARE } from "@/server/db";
import { createTestDatabase } from "../support/database";

const { url } = await createTestDatabase();
// One connection: every query below runs in the session whose statements are read.
const single = createDb(url, 1);
afterAll(() => single.$disconnect());

const preparedStatements = async () =>
  (await single.$queryRaw<{ statement: string }[]>`SELECT statement FROM pg_prepared_statements WHERE name LIKE 'yttra\_%'`).map((row) => row.statement);

describe("prepared statements", () => {
  it("prepares a Prisma query once however often it runs, and neither hand-written SQL nor a query with a long list", async () => {
    for (let run = 0; run < 3; run++) await single.user.findMany({ where: { username: "ingen" }, select: { id: true } });
    const prepared = await preparedStatements();
    expect(prepared.filter((statement) => statement.includes('"public"."app_user"'))).toHaveLength(1);
    expect(prepared.some((statement) => statement.includes("pg_prepared_statements"))).toBe(false);

    // Prisma writes a list with one parameter per element: each length would be a new statement.
    await single.user.findMany({ where: { id: { in: Array.from({ length: 40 }, () => randomUUID()) } }, select: { id: true } });
    expect(await preparedStatements()).toEqual(prepared);
    await single.user.findMany({ where: { id: { in: [randomUUID(), randomUUID()] } }, select: { id: true } });
    expect((await preparedStatements()).length).toBe(prepared.length + 1);
  });

  it("prepares hand-written SQL marked with PREPARE, once however often it runs", async () => {
    for (let run = 0; run < 3; run++) await single.$queryRaw`${PREPARE} SELECT count(*) FROM app_user WHERE username = ${"ingen"}`;
    expect((await preparedStatements()).filter((statement) => statement.includes("FROM app_user WHERE username"))).toHaveLength(1);
  });
});

describe("connection settings", () => {
  it("plans without parallel workers on the app's connections", async () => {
    expect(await single.$queryRaw`SELECT current_setting('max_parallel_workers_per_gather') AS workers`).toEqual([{ workers: "0" }]);
  });
});
