// The installation administrator creates municipalities with their first administrator; a
// municipality's administrators keep its settings and cannot see or change another's.
import { beforeAll, describe, expect, it } from "vitest";
import { findAdminMunicipality, getUserForAdmin, listUsers } from "@/features/admin/server/admin-queries";
import {
  createMunicipality,
  findPublicMunicipality,
  getMunicipalityLogo,
  getMunicipalitySettings,
  listMunicipalities,
  updateMunicipalitySettings,
} from "@/features/admin/server/municipality-service";
import { updateCommittee } from "@/features/admin/server/organisation-service";
import { addMembership } from "@/features/admin/server/user-admin-service";
import { createUser } from "@/features/admin/server/user-service";
import { ZAddMembershipSchema, ZCreateMunicipalitySchema, ZCreateUserSchema, ZUpdateCommitteeSchema, ZUpdateMunicipalitySchema } from "@/features/admin/schemas";
import { publicMunicipalityOrChoice } from "@/features/admin/public-municipality";
import { listOutbox } from "@/features/notifications/server/outbox-queries";
import type { Actor } from "@/server/auth/actor";
import { verifyPassword } from "@/server/auth/password";
import { parseInput } from "@/server/validation";
import { seedDemoData } from "../../scripts/seed/demo";
import { createTestDatabase } from "../support/database";
import { actorFor, expectAppError } from "./admin-fixtures";
import { createInstallationAdmin, PASSWORD } from "./tenant-fixtures";

const { db } = await createTestDatabase();
await seedDemoData({ nodeEnv: "test", force: false });

// The smallest valid PNG (1×1) and an SVG.
const PNG: Uint8Array<ArrayBuffer> = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"));
const SVG = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>';
const file = (content: Uint8Array<ArrayBuffer> | string, name: string, type: string) => new File([content], name, { type });

let installation: Actor;
let stockholmAdmin: Actor;

beforeAll(async () => {
  installation = await createInstallationAdmin(db);
  stockholmAdmin = await actorFor(db, "admin");
});

const newMunicipality = (slug: string, extra: Record<string, unknown> = {}) => ({
  name: `${slug} kommun`,
  slug,
  publicUrl: `https://www.${slug}.example`,
  adminKind: "NEW",
  adminUsername: `${slug}.admin`,
  adminName: `Admin ${slug}`,
  adminEmail: `admin@${slug}.example`,
  ...extra,
});

const snapshot = async () => ({
  municipalities: await db.municipality.findMany({ orderBy: { id: "asc" } }),
  users: await db.user.count(),
  memberships: await db.membership.count(),
  audit: await db.auditEvent.count(),
});

/** A refused call leaves municipalities, users, roles and the audit log as they were. */
const expectRefusedWithoutChange = async (call: () => Promise<unknown>, code: "FORBIDDEN" | "VALIDATION" | "CONFLICT" | "NOT_FOUND" | "INVALID_STATE") => {
  const before = await snapshot();
  const error = await expectAppError(call, code);
  expect(await snapshot()).toEqual(before);
  return error;
};

/** Where an unprefixed public address sends the visitor: the redirect's target, or the municipalities to choose among. */
const publicEntry = async (path: string, query: Record<string, string> = {}) => {
  try {
    return { choice: (await publicMunicipalityOrChoice(path, query)).map((municipality) => municipality.slug) };
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return { redirect: digest.split(";")[2] };
  }
};

describe("Ny kommun", () => {
  it("sends the old public addresses to the only municipality (query kept) until there are several to choose among", async () => {
    expect(await publicEntry("/offentligt-diarium", { q: "motion" })).toEqual({ redirect: "/stockholm/offentligt-diarium?q=motion" });
    expect(await publicEntry("/offentligt/sammantraden")).toEqual({ redirect: "/stockholm/offentligt/sammantraden" });
    await createMunicipality({ actor: installation, input: parseInput(ZCreateMunicipalitySchema, newMunicipality("alby")) });
    expect(await publicEntry("/offentligt")).toEqual({ choice: ["alby", "stockholm"] });
  });

  it("creates the municipality, its logo and a first administrator with a one-time password, audited in one transaction", async () => {
    const created = await createMunicipality({ actor: installation, input: parseInput(ZCreateMunicipalitySchema, newMunicipality("exempelby", { logo: file(PNG, "logga.png", "image/png") })) });
    expect(created).toMatchObject({ id: "exempelby", slug: "exempelby", name: "exempelby kommun", admin: { username: "exempelby.admin" } });
    const user = await db.user.findUniqueOrThrow({ where: { username: "exempelby.admin" }, include: { memberships: true } });
    expect(await verifyPassword(user.passwordHash, created.admin.oneTimePassword!)).toBe(true);
    // One time: the administrator chooses their own password before acting at all.
    expect(user.passwordChangeRequired).toBe(true);
    expect(user.memberships).toEqual([expect.objectContaining({ role: "ADMIN", municipalityId: "exempelby" })]);
    expect(await db.auditEvent.count({ where: { action: "municipality.create", entityId: "exempelby", actorId: installation.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "user.create", entityId: user.id, actorId: installation.id } })).toBe(1);
    expect(await getMunicipalityLogo("exempelby")).toEqual({ bytes: PNG, mimeType: "image/png" });
    expect(await findPublicMunicipality("exempelby")).toEqual({ id: "exempelby", name: "exempelby kommun", slug: "exempelby", publicUrl: "https://www.exempelby.example", hasLogo: true });

    // The new administrator signs in to their municipality only.
    const admin = await actorFor(db, "exempelby.admin");
    expect(await findAdminMunicipality(admin)).toEqual({ id: "exempelby", name: "exempelby kommun" });
    expect((await listUsers(admin)).rows.map((row) => row.username)).toEqual(["exempelby.admin"]);
    expect((await listMunicipalities(installation)).map((row) => [row.slug, row.admins.map((a) => a.username)])).toContainEqual(["exempelby", ["exempelby.admin"]]);
  });

  it("makes an existing user without roles elsewhere the first administrator, but not a user of another municipality", async () => {
    await createUser({ actorId: null, input: parseInput(ZCreateUserSchema, { username: "fri.anvandare", name: "Fri Användare", password: PASSWORD }) });
    const created = await createMunicipality({ actor: installation, input: parseInput(ZCreateMunicipalitySchema, { name: "Norrby kommun", slug: "norrby", adminKind: "EXISTING", adminUsername: "fri.anvandare" }) });
    expect(created.admin).toEqual({ username: "fri.anvandare", name: "Fri Användare", oneTimePassword: null });
    expect(await findAdminMunicipality(await actorFor(db, "fri.anvandare"))).toEqual({ id: "norrby", name: "Norrby kommun" });

    const error = await expectRefusedWithoutChange(
      () => createMunicipality({ actor: installation, input: parseInput(ZCreateMunicipalitySchema, { name: "Söderby kommun", slug: "soderby", adminKind: "EXISTING", adminUsername: "registrator" }) }),
      "VALIDATION",
    );
    expect(error.fieldErrors?.adminUsername?.[0]).toMatch(/annan kommun/);
  });

  it("refuses a taken, reserved or malformed slug, a taken username and a logo that is not a safe PNG or SVG, changing nothing", async () => {
    const create = (input: Record<string, unknown>) => () => createMunicipality({ actor: installation, input: parseInput(ZCreateMunicipalitySchema, input) });
    expect((await expectRefusedWithoutChange(create(newMunicipality("stockholm")), "CONFLICT")).fieldErrors?.slug).toEqual(["Kortnamnet används redan av en annan kommun."]);
    expect((await expectRefusedWithoutChange(create(newMunicipality("admin")), "VALIDATION")).fieldErrors?.slug?.[0]).toMatch(/Yttra självt/);
    expect((await expectRefusedWithoutChange(create(newMunicipality("Väst By")), "VALIDATION")).fieldErrors?.slug?.[0]).toMatch(/Små bokstäver/);
    expect((await expectRefusedWithoutChange(create(newMunicipality("vasterby", { adminUsername: "admin" })), "CONFLICT")).fieldErrors?.adminUsername).toEqual(["Användarnamnet är upptaget."]);
    const stockholmName = (await db.municipality.findUniqueOrThrow({ where: { id: "stockholm" } })).name;
    expect((await expectRefusedWithoutChange(create(newMunicipality("vasterby", { name: stockholmName.toUpperCase() })), "CONFLICT")).fieldErrors?.name).toEqual(["Det finns redan en kommun med det namnet."]);
    const scripted = file('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "logga.svg", "image/svg+xml");
    expect((await expectRefusedWithoutChange(create(newMunicipality("vasterby", { logo: scripted })), "VALIDATION")).fieldErrors?.logo?.[0]).toMatch(/skript/);
    const tooLarge = file(new Uint8Array(600 * 1024).fill(32), "logga.png", "image/png");
    expect((await expectRefusedWithoutChange(create(newMunicipality("vasterby", { logo: tooLarge })), "VALIDATION")).fieldErrors?.logo).toEqual(["Logotypen får vara högst 500 kB."]);
    const pdf = file("%PDF-1.4 not a logo", "logga.png", "image/png");
    expect((await expectRefusedWithoutChange(create(newMunicipality("vasterby", { logo: pdf })), "VALIDATION")).fieldErrors?.logo).toEqual(["Logotypen måste vara en PNG- eller SVG-bild."]);
  });

  it("is for the installation administrator only: a municipality's administrator can neither create nor list municipalities", async () => {
    await expectRefusedWithoutChange(() => createMunicipality({ actor: stockholmAdmin, input: parseInput(ZCreateMunicipalitySchema, newMunicipality("egenby")) }), "FORBIDDEN");
    await expectAppError(() => listMunicipalities(stockholmAdmin), "FORBIDDEN");
    const registrar = await actorFor(db, "registrator");
    await expectAppError(() => listMunicipalities(registrar), "FORBIDDEN");
  });
});

describe("Kommunens inställningar", () => {
  const settingsInput = async (municipalityId: string, extra: Record<string, unknown> = {}) => {
    const { updatedAt, name } = await db.municipality.findUniqueOrThrow({ where: { id: municipalityId } });
    return parseInput(ZUpdateMunicipalitySchema, { municipalityId, updatedAt: updatedAt.toISOString(), name, removeLogo: false, ...extra });
  };

  it("lets a municipality's administrator change its name, public URL and logo, audited; a stale form is refused", async () => {
    const stale = await settingsInput("stockholm");
    await updateMunicipalitySettings({ actor: stockholmAdmin, input: await settingsInput("stockholm", { name: "Stockholms stad (test)", publicUrl: "https://start.stockholm/ny", logo: file(SVG, "logga.svg", "image/svg+xml") }) });
    expect(await findPublicMunicipality("stockholm")).toEqual({ id: "stockholm", slug: "stockholm", name: "Stockholms stad (test)", publicUrl: "https://start.stockholm/ny", hasLogo: true });
    expect((await getMunicipalityLogo("stockholm"))?.mimeType).toBe("image/svg+xml");
    expect(await db.auditEvent.count({ where: { action: "municipality.update", entityId: "stockholm", actorId: stockholmAdmin.id } })).toBe(1);
    await expectRefusedWithoutChange(() => updateMunicipalitySettings({ actor: stockholmAdmin, input: { ...stale, name: "Gammalt namn" } }), "CONFLICT");

    await updateMunicipalitySettings({ actor: stockholmAdmin, input: await settingsInput("stockholm", { name: "Stockholms stad", removeLogo: true }) });
    expect(await getMunicipalityLogo("stockholm")).toBeNull();
    const exempelby = (await db.municipality.findUniqueOrThrow({ where: { id: "exempelby" } })).name;
    const taken = await expectRefusedWithoutChange(async () => updateMunicipalitySettings({ actor: stockholmAdmin, input: await settingsInput("stockholm", { name: exempelby.toLowerCase() }) }), "CONFLICT");
    expect(taken.fieldErrors?.name).toEqual(["Det finns redan en kommun med det namnet."]);
  });

  it("refuses a municipality's administrator another municipality's settings, users and committees (NOT_FOUND / FORBIDDEN), changing nothing", async () => {
    const exempelbyAdmin = await actorFor(db, "exempelby.admin");
    expect(await getMunicipalitySettings(exempelbyAdmin, "stockholm")).toBeNull();
    expect(await getMunicipalitySettings(stockholmAdmin, "exempelby")).toBeNull();
    await expectRefusedWithoutChange(async () => updateMunicipalitySettings({ actor: exempelbyAdmin, input: await settingsInput("stockholm", { name: "Kapad" }) }), "NOT_FOUND");
    const clas = await db.user.findUniqueOrThrow({ where: { username: "clas.cederlid" } });
    expect(await getUserForAdmin(exempelbyAdmin, clas.id)).toBeNull();
    expect(JSON.stringify(await listUsers(exempelbyAdmin))).not.toContain("clas.cederlid");
    expect(await listOutbox(exempelbyAdmin)).toEqual([]);
    const has = await db.committee.findUniqueOrThrow({ where: { id: "has" } });
    await expectRefusedWithoutChange(
      () => updateCommittee({ actor: exempelbyAdmin, input: parseInput(ZUpdateCommitteeSchema, { id: "has", updatedAt: has.updatedAt.toISOString(), name: "Kapad nämnd", shortName: "KAP", kind: "STADSDELSNAMND" }) }),
      "FORBIDDEN",
    );
  });

  it("lets the installation administrator open any municipality's settings by naming it", async () => {
    expect((await getMunicipalitySettings(installation, "exempelby"))?.slug).toBe("exempelby");
    await updateMunicipalitySettings({ actor: installation, input: await settingsInput("exempelby", { name: "Exempelby kommun" }) });
    expect((await findPublicMunicipality("exempelby"))?.name).toBe("Exempelby kommun");
  });

  it("never picks one of several municipalities silently: an account administering two gets no admin page", async () => {
    // The app never gives an account roles in two municipalities (Ny kommun refuses it); a database edit could.
    for (const municipalityId of ["stockholm", "exempelby"]) await db.membership.create({ data: { userId: installation.id, role: "ADMIN", municipalityId } });
    const both = await actorFor(db, "drift");
    expect(await findAdminMunicipality(both)).toBeNull();
    expect((await expectAppError(() => listUsers(both), "INVALID_STATE")).userMessage).toMatch(/flera kommuner/);
    const clas = await db.user.findUniqueOrThrow({ where: { username: "clas.cederlid" } });
    await expectRefusedWithoutChange(() => addMembership({ actor: both, input: parseInput(ZAddMembershipSchema, { userId: clas.id, role: "ADMIN", unit: "MUNICIPALITY:exempelby" }) }), "INVALID_STATE");
  });
});
