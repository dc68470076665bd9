// The admin's list of users at a city's scale: thousands of users with roles, listed by name
// 50 at a time and found by a part of a name, username or title, never another municipality's.
// Before, every user of the municipality was read and rendered on each view.
import { describe, expect, it } from "vitest";
import { listUsers, USERS_PAGE_SIZE } from "@/features/admin/server/admin-queries";
import { seedDemoInstallation } from "../../scripts/seed/demo";
import { createTestDatabase } from "../support/database";
import { actorFor } from "./admin-fixtures";

const { db } = await createTestDatabase();
await seedDemoInstallation({ nodeEnv: "test", force: false });

const admin = await actorFor(db, "admin");
const before = (await listUsers(admin)).total;
const utredareBefore = (await listUsers(admin, { q: "utredare" })).total;
// 120 handläggare of Hägersten-Älvsjö, and one of Exempelby with the same kind of name.
const ADDED = 120;
for (let i = 0; i < ADDED; i++) {
  const number = String(i).padStart(3, "0");
  await db.user.create({
    data: { username: `hl.${number}`, name: `Handläggare ${number}`, title: i % 10 === 0 ? "Utredare" : "Handläggare", memberships: { create: { role: "CASE_OFFICER", departmentId: "has-sos" } } },
  });
}
await db.user.create({ data: { username: "exb.hl", name: "Handläggare Exempelby", memberships: { create: { role: "CASE_OFFICER", municipalityId: "exempelby" } } } });

describe("the admin's list of users", () => {
  it("lists the municipality's users by name, 50 at a time, each once, with how many there are", async () => {
    const total = before + ADDED;
    const first = await listUsers(admin);
    expect(first).toMatchObject({ total, page: 1, pages: Math.ceil(total / USERS_PAGE_SIZE) });
    expect(first.rows).toHaveLength(USERS_PAGE_SIZE);
    const all = [];
    for (let page = 1; page <= first.pages; page++) all.push(...(await listUsers(admin, { page })).rows);
    expect(all).toHaveLength(total);
    expect(new Set(all.map((user) => user.id)).size).toBe(total);
    // The pages together are the whole list in its order (by name, then username), each user once.
    const whole = await db.user.findMany({
      where: { memberships: { some: { OR: [{ municipalityId: "stockholm" }, { committee: { municipalityId: "stockholm" } }, { administration: { municipalityId: "stockholm" } }, { department: { administration: { municipalityId: "stockholm" } } }] } } },
      orderBy: [{ name: "asc" }, { username: "asc" }],
      select: { id: true },
    });
    expect(all.map((user) => user.id)).toEqual(whole.map((user) => user.id));
    expect(all.map((user) => user.name)).not.toContain("Handläggare Exempelby");
    expect((await listUsers(admin, { page: first.pages + 1 })).rows).toEqual([]);
  });

  it("finds users by a part of the name, username or title, in any case", async () => {
    const byName = await listUsers(admin, { q: "HANDLÄGGARE 11" });
    expect(byName.rows.map((user) => user.username)).toEqual(Array.from({ length: 10 }, (_, i) => `hl.11${i}`));
    expect(byName).toMatchObject({ total: 10, pages: 1 });
    expect((await listUsers(admin, { q: "hl.00" })).rows.map((user) => user.username)).toEqual(Array.from({ length: 10 }, (_, i) => `hl.00${i}`));
    expect((await listUsers(admin, { q: "utredare" })).total).toBe(utredareBefore + ADDED / 10);
    expect((await listUsers(admin, { q: "Exempelby" })).rows).toEqual([]);
    expect((await listUsers(admin, { q: "  " })).total).toBe(before + ADDED);
    // What is typed is searched for as it is: % and _ are no wildcards.
    expect((await listUsers(admin, { q: "%" })).rows).toEqual([]);
    expect((await listUsers(admin, { q: "hl_0" })).rows).toEqual([]);
  });
});
