import { beforeAll, describe, expect, it } from "vitest";
import {
  addMembership,
  createUserAsAdmin,
  removeMembership,
  resetUserPassword,
  setUserDisabledAsAdmin,
  updateUserProfile,
} from "@/features/admin/server/user-admin-service";
import { createUser } from "@/features/admin/server/user-service";
import { changeOwnPassword } from "@/features/auth/server/change-password";
import { loadActor, type Actor, type PasswordSession } from "@/server/auth/actor";
import { ZChangePasswordSchema } from "@/server/auth/schemas";
import { verifyPassword } from "@/server/auth/password";
import { seedDemoData } from "../../scripts/seed/demo";
import { createTestDatabase } from "../support/database";
import { actorFor, createSecondMunicipality, expectAppError } from "./admin-fixtures";
import { ZAddMembershipSchema, ZAdminCreateUserSchema, ZCreateUserSchema, ZRemoveMembershipSchema, ZResetPasswordSchema, ZSetUserDisabledSchema, ZUpdateUserProfileSchema } from "@/features/admin/schemas";
import { parseInput } from "@/server/validation";

const { db } = await createTestDatabase();
await seedDemoData({ nodeEnv: "test", force: false });
const second = await createSecondMunicipality(db);

let admin: Actor;
let caseOfficer: Actor;
let registrar: Actor;
let otherAdmin: Actor;

beforeAll(async () => {
  admin = await actorFor(db, "admin");
  caseOfficer = await actorFor(db, "clas.cederlid");
  registrar = await actorFor(db, "registrator");
  otherAdmin = await actorFor(db, second.adminUsername);
});

const PASSWORD = "ett-långt-lösenord";
const userSnapshot = async () => ({
  users: await db.user.findMany({ orderBy: { id: "asc" } }),
  memberships: await db.membership.findMany({ orderBy: { id: "asc" } }),
  audit: await db.auditEvent.count(),
});

/** A refused call that leaves users, roles and the audit log exactly as they were. */
const expectRefusedWithoutChange = async (write: () => Promise<unknown>, code: "FORBIDDEN" | "VALIDATION" | "CONFLICT" | "NOT_FOUND" | "INVALID_STATE") => {
  const before = await userSnapshot();
  const error = await expectAppError(write, code);
  expect(await userSnapshot()).toEqual(before);
  return error;
};

const OWN = "mitt-eget-långa-lösenord";

/** The session of a user who signed in just now (what /byt-losenord acts as). */
const passwordSession = (user: { id: string; username: string; name: string; sessionVersion: number; passwordChangeRequired: boolean }): PasswordSession => ({
  userId: user.id,
  username: user.username,
  name: user.name,
  sessionVersion: user.sessionVersion,
  changeRequired: user.passwordChangeRequired,
  hasPassword: true,
});

const newUserInput = (username: string) => ({ username, name: "Nina Nyberg", title: "Handläggare", password: PASSWORD, role: "CASE_OFFICER", unit: "DEPARTMENT:has-ifo" });

describe("creating users", () => {
  it("creates a user with a first role and an audited event; the user acts in that role once they have chosen their own password", async () => {
    const user = await createUserAsAdmin({ actor: admin, input: parseInput(ZAdminCreateUserSchema, newUserInput("Nina.Nyberg")) });
    expect(user.username).toBe("nina.nyberg");
    expect(await verifyPassword(user.passwordHash, PASSWORD)).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "user.create", entityId: user.id, actorId: admin.id } })).toBe(1);
    // Signed in with the administrator's password, Nina is no actor: no page, action or route answers her.
    expect(user.passwordChangeRequired).toBe(true);
    expect(await loadActor({ userId: user.id, sessionVersion: user.sessionVersion, authTime: 1 })).toBeNull();
    const session = passwordSession(user);
    await changeOwnPassword({ session, input: parseInput(ZChangePasswordSchema, { currentPassword: PASSWORD, newPassword: OWN, repeatPassword: OWN }) });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ passwordChangeRequired: false, sessionVersion: user.sessionVersion + 1 });
    // The change ended the session it was made in; a new login acts in the role.
    expect(await loadActor({ userId: user.id, sessionVersion: user.sessionVersion, authTime: 1 })).toBeNull();
    const actor = await loadActor({ userId: user.id, sessionVersion: after.sessionVersion, authTime: 1 });
    expect(actor?.memberships).toEqual([{ role: "CASE_OFFICER", unitType: "DEPARTMENT", unitId: "has-ifo", unitName: "Avdelningen för individ- och familjeomsorg" }]);
    expect(await verifyPassword(after.passwordHash, OWN)).toBe(true);
    expect(await verifyPassword(after.passwordHash, PASSWORD)).toBe(false);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.password_change", entityId: user.id, actorId: user.id } });
    expect(event.data).toEqual({ required: true });
  });

  it("refuses a wrong current password, the same password again, two different new ones and a short one, changing nothing", async () => {
    const user = await createUserAsAdmin({ actor: admin, input: parseInput(ZAdminCreateUserSchema, newUserInput("omar.oviss")) });
    const change = (input: Record<string, string>) => () => changeOwnPassword({ session: passwordSession(user), input: parseInput(ZChangePasswordSchema, input) });
    const wrong = await expectRefusedWithoutChange(change({ currentPassword: "fel-lösenord-här", newPassword: OWN, repeatPassword: OWN }), "VALIDATION");
    expect(wrong.fieldErrors?.currentPassword).toEqual(["Lösenordet stämmer inte."]);
    const same = await expectRefusedWithoutChange(change({ currentPassword: PASSWORD, newPassword: PASSWORD, repeatPassword: PASSWORD }), "VALIDATION");
    expect(same.fieldErrors?.newPassword).toEqual(["Välj ett annat lösenord än det du har nu."]);
    const mismatch = await expectRefusedWithoutChange(change({ currentPassword: PASSWORD, newPassword: OWN, repeatPassword: `${OWN}!` }), "VALIDATION");
    expect(mismatch.fieldErrors?.repeatPassword).toEqual(["Skriv samma nya lösenord två gånger."]);
    const short = await expectRefusedWithoutChange(change({ currentPassword: PASSWORD, newPassword: "kort", repeatPassword: "kort" }), "VALIDATION");
    expect(short.fieldErrors?.newPassword?.[0]).toMatch(/minst 12 tecken/);
    // A session that ended meanwhile (an administrator reset the password) changes nothing either.
    const stale = { ...passwordSession(user), sessionVersion: user.sessionVersion - 1 };
    await expectRefusedWithoutChange(() => changeOwnPassword({ session: stale, input: parseInput(ZChangePasswordSchema, { currentPassword: PASSWORD, newPassword: OWN, repeatPassword: OWN }) }), "CONFLICT");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordChangeRequired).toBe(true);
  });

  it.each([
    ["a short password", { ...newUserInput("kort.losen"), password: "kort" }, "password", /minst 12 tecken/],
    ["a taken username", newUserInput("clas.cederlid"), "username", /upptaget/],
    ["a 10 kB name", { ...newUserInput("lang.namn"), name: "x".repeat(10_240) }, "name", /Högst 200/],
    ["a bad e-mail address", { ...newUserInput("fel.epost"), email: "inte-en-adress" }, "email", /e-postadress/],
    ["an unknown unit", { ...newUserInput("okand.enhet"), unit: "DEPARTMENT:finns-inte" }, "unit", /Enheten finns inte/],
    ["an unknown role", { ...newUserInput("okand.roll"), role: "SUPERUSER" }, "role", /.+/],
    ["a smuggled id", { ...newUserInput("smuggel.id"), id: "00000000-0000-7000-8000-000000009999" }, "_form", /.+/],
    ["a smuggled disabledAt", { ...newUserInput("smuggel.av"), disabledAt: null }, "_form", /.+/],
  ])("refuses %s with a Swedish field message and stores nothing", async (_name, input, field, message) => {
    const error = await expectRefusedWithoutChange(() => createUserAsAdmin({ actor: admin, input: parseInput(ZAdminCreateUserSchema, input) }), field === "username" ? "CONFLICT" : "VALIDATION");
    expect(error.fieldErrors?.[field]?.[0]).toMatch(message);
  });

  it.each([
    ["a handläggare", () => caseOfficer],
    ["a registrator", () => registrar],
  ])("refuses %s to create users", async (_name, actor) => {
    await expectRefusedWithoutChange(() => createUserAsAdmin({ actor: actor(), input: parseInput(ZAdminCreateUserSchema, newUserInput("obehorig.skapad")) }), "FORBIDDEN");
  });

  it("refuses an admin of another municipality to create a user with a role in Stockholm", async () => {
    await expectRefusedWithoutChange(() => createUserAsAdmin({ actor: otherAdmin, input: parseInput(ZAdminCreateUserSchema, newUserInput("gbg.i.sthlm")) }), "FORBIDDEN");
  });
});

describe("editing users", () => {
  it("updates the profile conditionally on the version the form was loaded with", async () => {
    const linda = await db.user.findUniqueOrThrow({ where: { username: "linda.palo" } });
    const input = { userId: linda.id, updatedAt: linda.updatedAt.toISOString(), name: "Linda Palo", title: "Biträdande avdelningschef", phone: "", email: "linda@example.se" };
    await updateUserProfile({ actor: admin, input: parseInput(ZUpdateUserProfileSchema, input) });
    expect(await db.user.findUniqueOrThrow({ where: { id: linda.id } })).toMatchObject({ title: "Biträdande avdelningschef", phone: null, email: "linda@example.se" });
    expect(await db.auditEvent.count({ where: { action: "user.update", entityId: linda.id } })).toBe(1);
    const error = await expectRefusedWithoutChange(() => updateUserProfile({ actor: admin, input: parseInput(ZUpdateUserProfileSchema, { ...input, title: "Senare ändring" }) }), "CONFLICT");
    expect(error.userMessage).toMatch(/Någon annan har ändrat/);
  });

  it("disables and enables a user; disabling ends their sessions", async () => {
    const lee = await db.user.findUniqueOrThrow({ where: { username: "lee.orberson" } });
    await setUserDisabledAsAdmin({ actor: admin, input: parseInput(ZSetUserDisabledSchema, { userId: lee.id, disabled: true }) });
    expect(await loadActor({ userId: lee.id, sessionVersion: lee.sessionVersion, authTime: 1 })).toBeNull();
    await setUserDisabledAsAdmin({ actor: admin, input: parseInput(ZSetUserDisabledSchema, { userId: lee.id, disabled: false }) });
    const after = await db.user.findUniqueOrThrow({ where: { id: lee.id } });
    expect(after.disabledAt).toBeNull();
    expect(await db.auditEvent.findMany({ where: { entityId: lee.id, action: { in: ["user.disable", "user.enable"] } }, select: { action: true } })).toEqual([
      { action: "user.disable" },
      { action: "user.enable" },
    ]);
  });

  it("sets a new password that ends the user's sessions, without the password in the audit log", async () => {
    const karin = await db.user.findUniqueOrThrow({ where: { username: "sekreterare" } });
    await resetUserPassword({ actor: admin, input: parseInput(ZResetPasswordSchema, { userId: karin.id, password: "nytt-lösenord-123" }) });
    const after = await db.user.findUniqueOrThrow({ where: { id: karin.id } });
    expect(await verifyPassword(after.passwordHash, "nytt-lösenord-123")).toBe(true);
    expect(await verifyPassword(after.passwordHash, "demo")).toBe(false);
    expect(after.sessionVersion).toBe(karin.sessionVersion + 1);
    // Karin chooses her own at the next login: until then she is no actor.
    expect(after.passwordChangeRequired).toBe(true);
    expect(await loadActor({ userId: karin.id, sessionVersion: after.sessionVersion, authTime: 1 })).toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "user.password_reset", entityId: karin.id } });
    expect(JSON.stringify(event.data)).not.toContain("nytt-lösenord");
  });

  it("adds and removes a role without ending the user's session", async () => {
    const clas = await db.user.findUniqueOrThrow({ where: { username: "clas.cederlid" } });
    const membership = await addMembership({ actor: admin, input: parseInput(ZAddMembershipSchema, { userId: clas.id, role: "REGISTRAR", unit: "COMMITTEE:has" }) });
    const actor = await loadActor({ userId: clas.id, sessionVersion: clas.sessionVersion, authTime: 1 });
    expect(actor?.memberships.map((m) => m.role)).toEqual(["CASE_OFFICER", "REGISTRAR"]);
    const duplicate = await expectRefusedWithoutChange(() => addMembership({ actor: admin, input: parseInput(ZAddMembershipSchema, { userId: clas.id, role: "REGISTRAR", unit: "COMMITTEE:has" }) }), "CONFLICT");
    expect(duplicate.fieldErrors?.unit?.[0]).toMatch(/redan den rollen/);
    await removeMembership({ actor: admin, input: parseInput(ZRemoveMembershipSchema, { membershipId: membership.id }) });
    expect((await loadActor({ userId: clas.id, sessionVersion: clas.sessionVersion, authTime: 1 }))?.memberships.map((m) => m.role)).toEqual(["CASE_OFFICER"]);
    expect(await db.auditEvent.count({ where: { entityId: clas.id, action: { in: ["membership.add", "membership.remove"] } } })).toBe(2);
  });

  it("refuses to remove a user's only role (disable the user instead)", async () => {
    const justerare = await db.user.findUniqueOrThrow({ where: { username: "justerare" }, include: { memberships: true } });
    const error = await expectRefusedWithoutChange(() => removeMembership({ actor: admin, input: parseInput(ZRemoveMembershipSchema, { membershipId: justerare.memberships[0]!.id }) }), "INVALID_STATE");
    expect(error.userMessage).toMatch(/minst en roll/);
  });

  it.each([
    ["a handläggare", () => caseOfficer],
    ["a registrator", () => registrar],
    ["an admin of another municipality", () => otherAdmin],
  ])("refuses %s every change to a Stockholm user and changes nothing", async (_name, actor) => {
    const target = await db.user.findUniqueOrThrow({ where: { username: "ordforande" }, include: { memberships: true } });
    await expectRefusedWithoutChange(
      () => updateUserProfile({ actor: actor(), input: parseInput(ZUpdateUserProfileSchema, { userId: target.id, updatedAt: target.updatedAt.toISOString(), name: "Kapad" }) }),
      "FORBIDDEN",
    );
    await expectRefusedWithoutChange(() => setUserDisabledAsAdmin({ actor: actor(), input: parseInput(ZSetUserDisabledSchema, { userId: target.id, disabled: true }) }), "FORBIDDEN");
    await expectRefusedWithoutChange(() => resetUserPassword({ actor: actor(), input: parseInput(ZResetPasswordSchema, { userId: target.id, password: "kapat-lösenord-1" }) }), "FORBIDDEN");
    await expectRefusedWithoutChange(() => addMembership({ actor: actor(), input: parseInput(ZAddMembershipSchema, { userId: target.id, role: "ADMIN", unit: "MUNICIPALITY:stockholm" }) }), "FORBIDDEN");
    await expectRefusedWithoutChange(() => removeMembership({ actor: actor(), input: parseInput(ZRemoveMembershipSchema, { membershipId: target.memberships[0]!.id }) }), "FORBIDDEN");
  });

  it("refuses the admin to give a Stockholm user a role in another municipality's unit", async () => {
    const target = await db.user.findUniqueOrThrow({ where: { username: "ordforande" } });
    await expectRefusedWithoutChange(() => addMembership({ actor: admin, input: parseInput(ZAddMembershipSchema, { userId: target.id, role: "CHAIR", unit: `COMMITTEE:${second.committeeId}` }) }), "FORBIDDEN");
  });

  it("answers NOT_FOUND for unknown users and roles", async () => {
    await expectRefusedWithoutChange(() => setUserDisabledAsAdmin({ actor: admin, input: parseInput(ZSetUserDisabledSchema, { userId: "00000000-0000-7000-8000-00000000ffff", disabled: true }) }), "NOT_FOUND");
    await expectRefusedWithoutChange(() => removeMembership({ actor: admin, input: parseInput(ZRemoveMembershipSchema, { membershipId: "00000000-0000-7000-8000-00000000ffff" }) }), "NOT_FOUND");
    await expectRefusedWithoutChange(() => setUserDisabledAsAdmin({ actor: admin, input: parseInput(ZSetUserDisabledSchema, { userId: "inte-ett-id", disabled: true }) }), "VALIDATION");
  });
});

describe("self lock-out guard", () => {
  it("refuses the admin to disable their own account", async () => {
    const error = await expectRefusedWithoutChange(() => setUserDisabledAsAdmin({ actor: admin, input: parseInput(ZSetUserDisabledSchema, { userId: admin.id, disabled: true }) }), "INVALID_STATE");
    expect(error.userMessage).toBe("Du kan inte inaktivera ditt eget konto.");
  });

  it("refuses the admin to remove their own last ADMIN role, even when they keep other roles", async () => {
    const adminUser = await db.user.findUniqueOrThrow({ where: { id: admin.id }, include: { memberships: true } });
    const adminRole = adminUser.memberships.find((membership) => membership.role === "ADMIN")!;
    // Another role, so that the "at least one role" rule is not what refuses.
    await addMembership({ actor: admin, input: parseInput(ZAddMembershipSchema, { userId: admin.id, role: "REGISTRAR", unit: "COMMITTEE:has" }) });
    const error = await expectRefusedWithoutChange(() => removeMembership({ actor: admin, input: parseInput(ZRemoveMembershipSchema, { membershipId: adminRole.id }) }), "INVALID_STATE");
    expect(error.userMessage).toBe("Du kan inte ta bort din sista administratörsroll.");
  });

  it("lets two administrators who disable each other at the same time not lock the municipality out", async () => {
    const deputy = await createUser({
      actorId: null,
      input: parseInput(ZCreateUserSchema, { username: "gbg.deputy", name: "Ställföreträdare", password: PASSWORD }),
      memberships: [{ role: "ADMIN", unit: { municipalityId: "goteborg" } }],
    });
    const [first, deputyActor] = [await actorFor(db, second.adminUsername), await actorFor(db, deputy.username)];
    const results = await Promise.allSettled([
      setUserDisabledAsAdmin({ actor: first, input: parseInput(ZSetUserDisabledSchema, { userId: deputy.id, disabled: true }) }),
      setUserDisabledAsAdmin({ actor: deputyActor, input: parseInput(ZSetUserDisabledSchema, { userId: first.id, disabled: true }) }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "INVALID_STATE", userMessage: "Kommunen måste ha minst en aktiv administratör." });
    expect(await db.membership.count({ where: { role: "ADMIN", municipalityId: "goteborg", user: { disabledAt: null } } })).toBe(1);
  });
});
