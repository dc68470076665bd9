import { beforeEach, describe, expect, it } from "vitest";
import { setUserDisabled } from "@/features/admin/server/user-service";
import { verifyAuditChain } from "@/features/audit/server/verify-audit-chain";
import { loadActor } from "@/server/auth/actor";
import { authOptions, authorizeWithPassword, THROTTLED_ERROR } from "@/server/auth/options";
import { env } from "@/server/env";
import { seedDemoData } from "../../scripts/seed/demo";
import { createTestDatabase } from "../support/database";

const { db } = await createTestDatabase();
// Smaller limits than the defaults keep the many slow password hashes of these tests short.
Object.assign(env, { LOGIN_MAX_FAILURES_PER_IP: 8, LOGIN_MAX_FAILURES_PER_ACCOUNT_TOTAL: 12 });
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

  it("throttles an account from one address after repeated wrong passwords, even for the right one, but not from another address", async () => {
    for (let i = 0; i < env.LOGIN_MAX_FAILURES_PER_ACCOUNT; i++) {
      expect(await authorizeWithPassword({ username: "linda.palo", password: `fel${i}` }, "10.0.1.1")).toBeNull();
    }
    await expect(authorizeWithPassword({ username: "linda.palo", password: "demo" }, "10.0.1.1")).rejects.toThrow(THROTTLED_ERROR);
    // A guesser elsewhere cannot lock the real user out.
    expect(await authorizeWithPassword({ username: "linda.palo", password: "demo" }, "10.0.2.1")).not.toBeNull();
    // Another account is not affected.
    expect(await authorizeWithPassword({ username: "lee.orberson", password: "demo" }, "10.0.1.1")).not.toBeNull();
  });

  it("throttles one account guessed from many addresses at a slower, total limit", async () => {
    for (let i = 0; i < env.LOGIN_MAX_FAILURES_PER_ACCOUNT_TOTAL; i++) {
      expect(await authorizeWithPassword({ username: "ordforande", password: "fel" }, `10.1.${Math.floor(i / 200)}.${i % 200}`)).toBeNull();
    }
    await expect(authorizeWithPassword({ username: "ordforande", password: "demo" }, "10.2.0.1")).rejects.toThrow(THROTTLED_ERROR);
  });

  it("evaluates at most the allowed number of concurrent wrong passwords (the attempt is reserved before the hash)", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => authorizeWithPassword({ username: "sekreterare", password: `fel${i}` }, "10.0.7.7")),
    );
    const evaluated = results.filter((result) => result.status === "fulfilled");
    expect(evaluated.length).toBeLessThanOrEqual(env.LOGIN_MAX_FAILURES_PER_ACCOUNT);
    expect(results.filter((result) => result.status === "rejected").every((result) => String(result.reason).includes(THROTTLED_ERROR))).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "user.login_failed", data: { path: ["address"], equals: "10.0.7.7" } } })).toBe(evaluated.length);
  });

  it("throttles unknown usernames exactly like known ones", async () => {
    for (let i = 0; i < env.LOGIN_MAX_FAILURES_PER_ACCOUNT; i++) {
      await authorizeWithPassword({ username: "okand.person", password: "x" }, "10.0.3.1");
    }
    await expect(authorizeWithPassword({ username: "okand.person", password: "x" }, "10.0.3.1")).rejects.toThrow(THROTTLED_ERROR);
  });

  it("throttles one IP address guessing across many accounts", async () => {
    for (let i = 0; i < env.LOGIN_MAX_FAILURES_PER_IP; i++) {
      await authorizeWithPassword({ username: `gissning${i}`, password: "x" }, "10.9.9.9");
    }
    await expect(authorizeWithPassword({ username: "registrator", password: "demo" }, "10.9.9.9")).rejects.toThrow(THROTTLED_ERROR);
    expect(await authorizeWithPassword({ username: "registrator", password: "demo" }, "10.9.9.10")).not.toBeNull();
  });

  it("takes the address from the socket, not from an X-Forwarded-For entry the client wrote", async () => {
    const credentials = authOptions.providers.find((provider) => provider.id === "credentials")!;
    const authorize = (credentials as unknown as { options: { authorize: (credentials: unknown, request: unknown) => Promise<unknown> } }).options.authorize;
    // The app's server appends the peer (203.0.113.9); the client varies the first entry on every try.
    for (let i = 0; i < env.LOGIN_MAX_FAILURES_PER_IP; i++) {
      await authorize({ username: `spoof${i}`, password: "x" }, { headers: { "x-forwarded-for": `198.51.100.${i}, 203.0.113.9` } });
    }
    await expect(authorize({ username: "clas.cederlid", password: "demo" }, { headers: { "x-forwarded-for": "198.51.100.250, 203.0.113.9" } })).rejects.toThrow(THROTTLED_ERROR);
  });

  it("records every evaluated failed login in the hash-chained audit log", async () => {
    const linda = await db.user.findUniqueOrThrow({ where: { username: "linda.palo" } });
    expect(await authorizeWithPassword({ username: "linda.palo", password: "fel" }, "10.0.8.1")).toBeNull();
    expect(await authorizeWithPassword({ username: "finns.inte", password: "demo" }, "10.0.8.1")).toBeNull();
    const events = await db.auditEvent.findMany({ where: { action: "user.login_failed", data: { path: ["address"], equals: "10.0.8.1" } }, orderBy: { seq: "asc" } });
    expect(events.map((event) => [event.actorId, event.entityId, event.data])).toEqual([
      [null, linda.id, { method: "password", reason: "wrong_password", address: "10.0.8.1" }],
      [null, "unknown", { method: "password", reason: "unknown_user", address: "10.0.8.1" }],
    ]);
    expect(JSON.stringify(events.map((event) => [event.entityId, event.data]))).not.toContain("finns.inte");
    expect((await verifyAuditChain()).ok).toBe(true);
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

  it("names each membership's unit, whichever kind it is, in the order the roles were granted, with the user's own details", async () => {
    const user = await db.user.create({ data: { username: "fyra.roller", name: "Fyra Roller", title: "Utredare", phone: "08-508 000 00", email: "fyra.roller@example.se" } });
    const granted = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));
    await db.membership.createMany({
      data: [
        { userId: user.id, role: "CASE_OFFICER", departmentId: "has-ifo", createdAt: granted(3) },
        { userId: user.id, role: "ADMIN", municipalityId: "stockholm", createdAt: granted(1) },
        { userId: user.id, role: "DIRECTOR", administrationId: "has-sdf", createdAt: granted(4) },
        { userId: user.id, role: "COMMITTEE_SECRETARY", committeeId: "has", createdAt: granted(2) },
      ],
    });
    expect(await loadActor({ userId: user.id, sessionVersion: user.sessionVersion, authTime: 1_733_000_000 })).toEqual({
      id: user.id,
      username: "fyra.roller",
      name: "Fyra Roller",
      title: "Utredare",
      phone: "08-508 000 00",
      email: "fyra.roller@example.se",
      authTime: 1_733_000_000,
      installationAdmin: false,
      // Medhandläggare of no case: the readable-case filters leave that alternative out.
      coOfficer: false,
      memberships: [
        { role: "ADMIN", unitType: "MUNICIPALITY", unitId: "stockholm", unitName: "Stockholms stad" },
        { role: "COMMITTEE_SECRETARY", unitType: "COMMITTEE", unitId: "has", unitName: "Hägersten-Älvsjö stadsdelsnämnd" },
        { role: "CASE_OFFICER", unitType: "DEPARTMENT", unitId: "has-ifo", unitName: "Avdelningen för individ- och familjeomsorg" },
        { role: "DIRECTOR", unitType: "ADMINISTRATION", unitId: "has-sdf", unitName: "Hägersten-Älvsjö stadsdelsförvaltning" },
      ],
    });
    expect(await loadActor({ userId: "00000000-0000-7000-8000-0000000fffff", sessionVersion: 1, authTime: 1 })).toBeNull();
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
