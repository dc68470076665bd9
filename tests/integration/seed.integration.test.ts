import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/server/auth/password";
import { assertDemoSeedAllowed, seedDemoData } from "@/server/seed/demo";
import { createTestDatabase } from "../support/database";

const { db } = await createTestDatabase();

const rowCounts = async () => ({
  municipality: await db.municipality.count(),
  committee: await db.committee.count(),
  administration: await db.administration.count(),
  department: await db.department.count(),
  user: await db.user.count(),
  membership: await db.membership.count(),
  auditEvent: await db.auditEvent.count(),
});

describe("demo seed", () => {
  it("creates the demo organisation once and changes nothing when run again", async () => {
    expect(await seedDemoData({ nodeEnv: "test", force: false })).toEqual({ created: true });
    const first = await rowCounts();
    expect(first).toMatchObject({ user: 8, membership: 8, auditEvent: 1 });
    expect(await seedDemoData({ nodeEnv: "test", force: false })).toEqual({ created: false });
    expect(await rowCounts()).toEqual(first);
  });

  it("gives every demo account the password demo and the reference case officer's phone", async () => {
    const clas = await db.user.findUniqueOrThrow({ where: { username: "clas.cederlid" }, include: { memberships: true } });
    expect(clas.phone).toBe("08-50823326");
    expect(clas.memberships.map((membership) => membership.role)).toEqual(["CASE_OFFICER"]);
    expect(await verifyPassword(clas.passwordHash, "demo")).toBe(true);
  });

  it("refuses to run against a production database unless forced", () => {
    expect(() => assertDemoSeedAllowed({ nodeEnv: "production", force: false })).toThrow(/Refusing/);
    expect(() => assertDemoSeedAllowed({ nodeEnv: "production", force: true })).not.toThrow();
  });
});
