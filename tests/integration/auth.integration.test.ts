import { beforeEach, describe, expect, it } from "vitest";
import { setUserDisabled } from "@/features/admin/server/user-service";
import { loadActor } from "@/server/auth/actor";
import { authOptions, authorizeWithPassword, THROTTLED_ERROR } from "@/server/auth/options";
import { env } from "@/server/env";
import { seedDemoData } from "@/server/seed/demo";
import { createTestDatabase } from "../support/database";

const { db } = await createTestDatabase();
await seedDemoData({ nodeEnv: "test", force: false });

const clasId = (await db.user.findUniqueOrThrow({ where: { username: "clas.cederlid" } })).id;

beforeEach(async () => {
  await db.loginFailure.deleteMany();
});

describe("password login", () => {
  it("accepts the right password, case-insensitively for the username, and records the login", async () => {
    const before = await db.auditEvent.count({ where: { action: "user.login" } });
    expect(await authorizeWithPassword({ username: " Clas.Cederlid ", password: "demo" }, "10.0.0.1")).toEqual({ id: clasId, name: "Clas Cederlid" });
    expect(await db.auditEvent.count({ where: { action: "user.login" } })).toBe(before + 1);
  });

  it("ignores the other fields next-auth posts along (csrfToken, callbackUrl)", async () => {
    expect(await authorizeWithPassword({ username: "clas.cederlid", password: "demo", csrfToken: "x", callbackUrl: "/", json: "true" }, null)).not.toBeNull();
  });

  it("refuses a wrong password and an unknown user alike", async () => {
    expect(await authorizeWithPassword({ username: "clas.cederlid", password: "fel" }, "10.0.0.1")).toBeNull();
    expect(await authorizeWithPassword({ username: "finns.inte", password: "demo" }, "10.0.0.1")).toBeNull();
  });

  it.each([
    ["empty fields", { username: "", password: "" }],
    ["a 10 kB username", { username: "a".repeat(10_240), password: "demo" }],
    ["unicode junk", { username: "\u0000\u202e😀<script>", password: "\uffff" }],
    ["a missing password", { username: "clas.cederlid" }],
    ["not an object", "clas.cederlid:demo"],
  ])("refuses %s without storing anything", async (_name, input) => {
    expect(await authorizeWithPassword(input, "10.0.0.1")).toBeNull();
    expect(await db.loginFailure.count()).toBe(0);
  });

  it("throttles an account after repeated wrong passwords, even for the right one", async () => {
    for (let i = 0; i < env.LOGIN_MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(await authorizeWithPassword({ username: "linda.palo", password: `fel${i}` }, `10.0.1.${i}`)).toBeNull();
    }
    await expect(authorizeWithPassword({ username: "linda.palo", password: "demo" }, "10.0.2.1")).rejects.toThrow(THROTTLED_ERROR);
    // Another account is not affected.
    expect(await authorizeWithPassword({ username: "lee.orberson", password: "demo" }, "10.0.2.1")).not.toBeNull();
  });

  it("throttles unknown usernames exactly like known ones", async () => {
    for (let i = 0; i < env.LOGIN_MAX_FAILURES_PER_ACCOUNT; i++) {
      await authorizeWithPassword({ username: "okand.person", password: "x" }, `10.0.3.${i}`);
    }
    await expect(authorizeWithPassword({ username: "okand.person", password: "x" }, "10.0.4.1")).rejects.toThrow(THROTTLED_ERROR);
  });

  it("throttles one IP address guessing across many accounts", async () => {
    for (let i = 0; i < env.LOGIN_MAX_FAILURES_PER_IP; i++) {
      await authorizeWithPassword({ username: `gissning${i}`, password: "x" }, "10.9.9.9");
    }
    await expect(authorizeWithPassword({ username: "sekreterare", password: "demo" }, "10.9.9.9")).rejects.toThrow(THROTTLED_ERROR);
    expect(await authorizeWithPassword({ username: "sekreterare", password: "demo" }, "10.9.9.10")).not.toBeNull();
  });
});

describe("redirect after sign-in", () => {
  it("sends next-auth's callbackUrl only to a path on the site", async () => {
    const redirect = (url: string) => authOptions.callbacks!.redirect!({ url, baseUrl: "http://localhost:3000" });
    expect(await redirect("/arenden?flik=mina")).toBe("http://localhost:3000/arenden?flik=mina");
    expect(await redirect("http://localhost:3000/attestera")).toBe("http://localhost:3000/attestera");
    for (const offSite of ["/\\evil.test", "/\t/evil.test", "//evil.test", "http://evil.test", "/.//evil.test"]) {
      expect(new URL(await redirect(offSite)).origin).toBe("http://localhost:3000");
      expect(await redirect(offSite)).toBe("http://localhost:3000/");
    }
  });
});

describe("session validity per request", () => {
  it("resolves the actor with roles and units from the database", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { id: clasId } });
    const actor = await loadActor({ userId: clasId, sessionVersion: user.sessionVersion, authTime: 1 });
    expect(actor?.memberships).toEqual([
      { role: "CASE_OFFICER", unitType: "DEPARTMENT", unitId: "has-sos", unitName: "Avdelningen för samhälle och service" },
    ]);
  });

  it("rejects a token from before a logout (older session version)", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { username: "registrator" } });
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await loadActor({ userId: user.id, sessionVersion: user.sessionVersion, authTime: 1 })).toBeNull();
    expect(await loadActor({ userId: user.id, sessionVersion: user.sessionVersion + 1, authTime: 1 })).not.toBeNull();
  });

  it("rejects a disabled user's existing session and their password", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { username: "justerare" } });
    await setUserDisabled({ actorId: null, userId: user.id, disabled: true });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await loadActor({ userId: user.id, sessionVersion: user.sessionVersion, authTime: 1 })).toBeNull();
    expect(await loadActor({ userId: user.id, sessionVersion: after.sessionVersion, authTime: 1 })).toBeNull();
    expect(await authorizeWithPassword({ username: "justerare", password: "demo" }, "10.0.5.1")).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "user.disable", entityId: user.id } })).toBe(1);
  });
});
