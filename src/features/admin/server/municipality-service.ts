// Municipalities (tenants): the installation administrator creates one together with its
// first administrator; the municipality's own administrators (and the installation
// administrator) keep its settings: name, public URL and logo. The slug in its public URLs
// is set at creation and kept, so public links stay valid.
import "server-only";
import { randomInt } from "node:crypto";
import { recordAudit } from "@/server/audit";
import type { Actor } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password";
import { can, loadUserAdminScope, membershipInMunicipalityWhere } from "@/server/authz";
import { putBlob, readBlob } from "@/server/blob-store";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { checkLogo } from "@/lib/municipality";
import type { TCreateMunicipality, TUpdateMunicipality } from "../schemas";
import type { AdminWriteOptions } from "./organisation-service";
import { createUserInTx } from "./user-service";
import { assertNameFree, fieldError, sameName, staleWrite } from "./write-helpers";

const SLUG_TAKEN = "Kortnamnet används redan av en annan kommun.";
// The public "Välj kommun" and the installation's lists name municipalities by name alone.
const NAME_TAKEN = "Det finns redan en kommun med det namnet.";

const assertInstallationAdmin = (actor: Actor): void => {
  if (!can(actor, "installation.manage", null)) throw new AppError("FORBIDDEN", `Actor ${actor.id} is not an installation administrator`);
};

/** The logo's bytes and type, checked from the content; a field error otherwise. */
const readLogo = async (file: File): Promise<{ bytes: Uint8Array; mimeType: string }> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const checked = checkLogo(bytes);
  if (!checked.ok) throw fieldError("VALIDATION", "logo", checked.message);
  return { bytes, mimeType: checked.mimeType };
};

// No look-alikes (0/O, 1/l/I): the password is read off the screen and typed in elsewhere.
const PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A one-time password of four groups of five ("hT7kq-…"), about 110 bits. */
export const generateOneTimePassword = (): string =>
  Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join("")).join("-");

/** The first administrator's account: created with a one-time password, or an existing user given the role. */
const appointFirstAdmin = async (tx: Tx, actor: Actor, municipalityId: string, input: TCreateMunicipality) => {
  const membership = { role: "ADMIN" as const, unit: { municipalityId } };
  if (input.adminKind === "NEW") {
    const oneTimePassword = generateOneTimePassword();
    const user = await createUserInTx(tx, {
      actorId: actor.id,
      fields: { username: input.adminUsername, name: input.adminName, email: input.adminEmail, title: "Administratör", phone: undefined },
      passwordHash: await hashPassword(oneTimePassword),
      memberships: [membership],
      // One time: the administrator chooses their own at the first login.
      passwordChangeRequired: true,
    });
    return { username: user.username, name: user.name, oneTimePassword };
  }
  const user = await tx.user.findUnique({ where: { username: input.adminUsername } });
  if (!user || user.disabledAt) throw fieldError("VALIDATION", "adminUsername", "Det finns ingen aktiv användare med det användarnamnet.");
  // Users belong to one municipality (the admin pages never have to guess which one).
  const elsewhere = ((await loadUserAdminScope(tx, user.id))?.municipalityIds ?? []).filter((id) => id !== municipalityId);
  if (elsewhere.length > 0) {
    throw fieldError("VALIDATION", "adminUsername", "Användaren har roller i en annan kommun. Skapa en ny användare som administratör i stället.");
  }
  const created = await tx.membership.create({ data: { userId: user.id, ...membership.unit, role: membership.role } });
  await recordAudit(tx, { actorId: actor.id, action: "membership.add", entityType: "User", entityId: user.id, data: { membershipId: created.id, role: "ADMIN", unit: `MUNICIPALITY:${municipalityId}` } });
  return { username: user.username, name: user.name, oneTimePassword: null };
};

export type CreatedMunicipality = { id: string; slug: string; name: string; admin: { username: string; name: string; oneTimePassword: string | null } };

/**
 * Ny kommun: the municipality, its logo and its first administrator in one transaction with
 * their audit events. Only the installation administrator; a taken slug is a field message.
 */
export const createMunicipality = async ({ actor, input }: AdminWriteOptions<TCreateMunicipality>): Promise<CreatedMunicipality> => {
  assertInstallationAdmin(actor);
  const logo = input.logo ? await readLogo(input.logo) : null;
  // Taken slugs and usernames are checked first, for a message at the field; a concurrent
  // creation of the same still fails on the unique indexes (a generic CONFLICT).
  return db.$transaction(async (tx) => {
    if (await tx.municipality.count({ where: { OR: [{ slug: input.slug }, { id: input.slug }] } })) throw fieldError("CONFLICT", "slug", SLUG_TAKEN);
    await assertNameFree(tx.municipality.count({ where: sameName(input.name) }), NAME_TAKEN);
    if (input.adminKind === "NEW" && (await tx.user.count({ where: { username: input.adminUsername } }))) throw fieldError("CONFLICT", "adminUsername", "Användarnamnet är upptaget.");
    const logoSha256 = logo ? (await putBlob(tx, logo.bytes, logo.mimeType)).sha256 : null;
    // The slug is also the id: fixed at creation, readable in logs and references.
    const municipality = await tx.municipality.create({ data: { id: input.slug, slug: input.slug, name: input.name, publicUrl: input.publicUrl ?? null, logoSha256 } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "municipality.create",
      entityType: "Municipality",
      entityId: municipality.id,
      data: { name: municipality.name, slug: municipality.slug, publicUrl: municipality.publicUrl, logoSha256 },
    });
    const admin = await appointFirstAdmin(tx, actor, municipality.id, input);
    return { id: municipality.id, slug: municipality.slug, name: municipality.name, admin };
  });
};

const notVisible = (municipalityId: string) => new AppError("NOT_FOUND", `Municipality ${municipalityId} not found or not configurable`, { userMessage: "Kommunen finns inte, eller så saknar du behörighet att ändra den." });

/** Kommunens inställningar: name, public URL and logo (replaced, kept or removed). Stale forms are refused. */
export const updateMunicipalitySettings = async ({ actor, input }: AdminWriteOptions<TUpdateMunicipality>) => {
  const { municipalityId, updatedAt, name, publicUrl, removeLogo } = input;
  const logo = input.logo ? await readLogo(input.logo) : null;
  await db.$transaction(async (tx) => {
    const before = await tx.municipality.findUnique({ where: { id: municipalityId } });
    if (!before || !can(actor, "municipality.configure", { municipalityId })) throw notVisible(municipalityId);
    if (before.name.toLocaleLowerCase("sv") !== name.toLocaleLowerCase("sv")) await assertNameFree(tx.municipality.count({ where: sameName(name, municipalityId) }), NAME_TAKEN);
    const logoSha256 = logo ? (await putBlob(tx, logo.bytes, logo.mimeType)).sha256 : removeLogo ? null : before.logoSha256;
    const data = { name, publicUrl: publicUrl ?? null, logoSha256 };
    const { count } = await tx.municipality.updateMany({ where: { id: municipalityId, updatedAt }, data });
    if (count === 0) throw staleWrite("Municipality", municipalityId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "municipality.update",
      entityType: "Municipality",
      entityId: municipalityId,
      data: { before: { name: before.name, publicUrl: before.publicUrl, logoSha256: before.logoSha256 }, after: data },
    });
  });
};

// ─── Read models ────────────────────────────────────────────────────────────

/** Every municipality with its administrators, for the installation administrator's list. */
export const listMunicipalities = async (actor: Actor) => {
  assertInstallationAdmin(actor);
  const municipalities = await db.municipality.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, slug: true, publicUrl: true, createdAt: true } });
  const admins = await db.membership.findMany({
    where: { role: "ADMIN", municipalityId: { in: municipalities.map((municipality) => municipality.id) } },
    orderBy: { createdAt: "asc" },
    select: { municipalityId: true, user: { select: { name: true, username: true } } },
  });
  return municipalities.map((municipality) => ({
    ...municipality,
    admins: admins.filter((admin) => admin.municipalityId === municipality.id).map((admin) => admin.user),
  }));
};

/** One municipality's settings, or null when it is unknown or not the actor's to configure. */
export const getMunicipalitySettings = async (actor: Actor, municipalityId: string) => {
  if (!can(actor, "municipality.configure", { municipalityId })) return null;
  const municipality = await db.municipality.findUnique({
    where: { id: municipalityId },
    select: { id: true, name: true, slug: true, publicUrl: true, logoSha256: true, updatedAt: true },
  });
  if (!municipality) return null;
  const userCount = await db.user.count({ where: { memberships: { some: membershipInMunicipalityWhere(municipalityId) } } });
  return { ...municipality, hasLogo: municipality.logoSha256 !== null, userCount };
};

// ─── Public ─────────────────────────────────────────────────────────────────

export type PublicMunicipality = { id: string; name: string; slug: string; publicUrl: string | null; hasLogo: boolean };

const PUBLIC_SELECT = { id: true, name: true, slug: true, publicUrl: true, logoSha256: true } as const;

const toPublic = ({ logoSha256, ...municipality }: { id: string; name: string; slug: string; publicUrl: string | null; logoSha256: string | null }): PublicMunicipality => ({
  ...municipality,
  hasLogo: logoSha256 !== null,
});

/** The municipality of a public URL's slug, or null. */
export const findPublicMunicipality = async (slug: string): Promise<PublicMunicipality | null> => {
  const municipality = await db.municipality.findUnique({ where: { slug }, select: PUBLIC_SELECT });
  return municipality ? toPublic(municipality) : null;
};

/** Every municipality of the installation, by name: the chooser of the unprefixed public pages. */
export const listPublicMunicipalities = async (): Promise<PublicMunicipality[]> =>
  (await db.municipality.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: PUBLIC_SELECT })).map(toPublic);

/** A municipality's logo for its public pages, or null when it has none. */
export const getMunicipalityLogo = async (slug: string): Promise<{ bytes: Uint8Array; mimeType: string } | null> => {
  const municipality = await db.municipality.findUnique({ where: { slug }, select: { logo: { select: { sha256: true, mimeType: true } } } });
  if (!municipality?.logo) return null;
  const bytes = await readBlob(municipality.logo.sha256);
  return bytes ? { bytes, mimeType: municipality.logo.mimeType } : null;
};
