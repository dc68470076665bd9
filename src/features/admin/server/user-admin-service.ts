// What an administrator does with users: create with a first role, edit the profile,
// disable/enable, set a new password and add/remove roles. Every function authorizes
// from the user's and the unit's municipality, inside the transaction that writes.
import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/server/audit";
import type { Actor } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import {
  parseUnitKey,
  ZAddMembershipSchema,
  ZAdminCreateUserSchema,
  ZRemoveMembershipSchema,
  ZResetPasswordSchema,
  ZSetUserDisabledSchema,
  ZUpdateUserProfileSchema,
  type TUnitType,
} from "../schemas";
import { adminMunicipalityOf, assertAdminOf, assertManagesUser, municipalityOfUnit } from "@/server/authz";
import type { AdminWriteOptions } from "./organisation-service";
import { mapUsernameTaken, setUserDisabledInTx, createUserInTx, type MembershipUnit } from "./user-service";
import { fieldError, staleWrite } from "./write-helpers";

/** Serialises changes that could leave a municipality without an active administrator. */
const ADMIN_GUARD_LOCK = 7_265_101;

const membershipUnit = (type: TUnitType, id: string): MembershipUnit => {
  switch (type) {
    case "MUNICIPALITY":
      return { municipalityId: id };
    case "COMMITTEE":
      return { committeeId: id };
    case "ADMINISTRATION":
      return { administrationId: id };
    case "DEPARTMENT":
      return { departmentId: id };
  }
};

/** The unit of a form's unit key, checked to exist and to lie in a municipality the actor administers. */
const resolveUnit = async (tx: Tx, actor: Actor, key: string): Promise<MembershipUnit> => {
  const unit = parseUnitKey(key);
  const municipalityId = await municipalityOfUnit(tx, unit);
  if (!municipalityId) throw fieldError("VALIDATION", "unit", "Enheten finns inte. Välj en enhet i listan.");
  assertAdminOf(actor, municipalityId);
  return membershipUnit(unit.type, unit.id);
};

/** Two administrators removing each other at the same time must not lock the municipality out. */
const assertMunicipalityKeepsAdmin = async (tx: Tx, municipalityId: string): Promise<void> => {
  const activeAdmins = await tx.membership.count({ where: { role: "ADMIN", municipalityId, user: { disabledAt: null } } });
  if (activeAdmins === 0) {
    throw new AppError("INVALID_STATE", `Municipality ${municipalityId} would have no active ADMIN`, {
      userMessage: "Kommunen måste ha minst en aktiv administratör.",
    });
  }
};

export const createUserAsAdmin = async ({ actor, input }: AdminWriteOptions<z.output<typeof ZAdminCreateUserSchema>>) => {
  adminMunicipalityOf(actor);
  const { password, role, unit, ...fields } = input;
  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(async (tx) => {
      const membership = { role, unit: await resolveUnit(tx, actor, unit) };
      return createUserInTx(tx, { actorId: actor.id, fields, passwordHash, memberships: [membership], passwordChangeRequired: true });
    });
  } catch (error) {
    throw mapUsernameTaken(error);
  }
};

export const updateUserProfile = async ({ actor, input }: AdminWriteOptions<z.output<typeof ZUpdateUserProfileSchema>>) => {
  adminMunicipalityOf(actor);
  const { userId, updatedAt, ...profile } = input;
  // Cleared optional fields are stored as null, not left as they were.
  const data = { name: profile.name, title: profile.title ?? null, phone: profile.phone ?? null, email: profile.email ?? null };
  await db.$transaction(async (tx) => {
    await assertManagesUser(tx, actor, userId);
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, title: true, phone: true, email: true } });
    const { count } = await tx.user.updateMany({ where: { id: userId, updatedAt }, data });
    if (count === 0) throw staleWrite("User", userId);
    await recordAudit(tx, { actorId: actor.id, action: "user.update", entityType: "User", entityId: userId, data: { before, after: data } });
  });
};

export const setUserDisabledAsAdmin = async ({ actor, input }: AdminWriteOptions<z.output<typeof ZSetUserDisabledSchema>>) => {
  adminMunicipalityOf(actor);
  const { userId, disabled } = input;
  if (disabled && userId === actor.id) {
    throw new AppError("INVALID_STATE", "Admin tried to disable themself", { userMessage: "Du kan inte inaktivera ditt eget konto." });
  }
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_GUARD_LOCK})`;
    await assertManagesUser(tx, actor, userId);
    await setUserDisabledInTx(tx, { actorId: actor.id, userId, disabled });
    if (disabled) {
      const adminOf = await tx.membership.findMany({ where: { userId, role: "ADMIN", municipalityId: { not: null } }, select: { municipalityId: true } });
      for (const { municipalityId } of adminOf) await assertMunicipalityKeepsAdmin(tx, municipalityId!);
    }
  });
};

/** The administrator sets a new password; the user's open sessions end (session version), and the user replaces it at their next login. */
export const resetUserPassword = async ({ actor, input }: AdminWriteOptions<z.output<typeof ZResetPasswordSchema>>) => {
  adminMunicipalityOf(actor);
  const { userId, password } = input;
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await assertManagesUser(tx, actor, userId);
    await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangeRequired: true, sessionVersion: { increment: 1 } } });
    // Never the password or its hash: the audit log is read more widely than the user table.
    await recordAudit(tx, { actorId: actor.id, action: "user.password_reset", entityType: "User", entityId: userId });
  });
};

/** Roles are re-read on every request (actor.ts), so no session is ended here. */
export const addMembership = async ({ actor, input }: AdminWriteOptions<z.output<typeof ZAddMembershipSchema>>) => {
  adminMunicipalityOf(actor);
  const { userId, role, unit } = input;
  return db.$transaction(async (tx) => {
    await assertManagesUser(tx, actor, userId);
    const target = await resolveUnit(tx, actor, unit);
    const duplicate = await tx.membership.count({ where: { userId, role, ...target } });
    if (duplicate) throw fieldError("CONFLICT", "unit", "Användaren har redan den rollen i enheten.");
    const membership = await tx.membership.create({ data: { userId, role, ...target } });
    await recordAudit(tx, { actorId: actor.id, action: "membership.add", entityType: "User", entityId: userId, data: { membershipId: membership.id, role, unit } });
    return membership;
  });
};

export const removeMembership = async ({ actor, input }: AdminWriteOptions<z.output<typeof ZRemoveMembershipSchema>>) => {
  adminMunicipalityOf(actor);
  const { membershipId } = input;
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_GUARD_LOCK})`;
    const membership = await tx.membership.findUnique({ where: { id: membershipId } });
    if (!membership) throw new AppError("NOT_FOUND", `Membership ${membershipId} not found`);
    const unitType: TUnitType = membership.departmentId ? "DEPARTMENT" : membership.administrationId ? "ADMINISTRATION" : membership.committeeId ? "COMMITTEE" : "MUNICIPALITY";
    const unitId = membership.departmentId ?? membership.administrationId ?? membership.committeeId ?? membership.municipalityId!;
    const municipalityId = await municipalityOfUnit(tx, { type: unitType, id: unitId });
    assertAdminOf(actor, municipalityId ?? "");
    await assertManagesUser(tx, actor, membership.userId);

    if (membership.userId === actor.id && membership.role === "ADMIN" && unitType === "MUNICIPALITY") {
      const otherAdminRoles = await tx.membership.count({ where: { userId: actor.id, role: "ADMIN", municipalityId: { not: null }, id: { not: membershipId } } });
      if (otherAdminRoles === 0) {
        throw new AppError("INVALID_STATE", "Admin tried to remove their last ADMIN membership", { userMessage: "Du kan inte ta bort din sista administratörsroll." });
      }
    }
    const remaining = await tx.membership.count({ where: { userId: membership.userId, id: { not: membershipId } } });
    if (remaining === 0) {
      throw new AppError("INVALID_STATE", "A user must keep one membership", { userMessage: "Användaren måste ha minst en roll. Inaktivera användaren i stället." });
    }
    await tx.membership.delete({ where: { id: membershipId } });
    if (membership.role === "ADMIN" && membership.municipalityId) await assertMunicipalityKeepsAdmin(tx, membership.municipalityId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "membership.remove",
      entityType: "User",
      entityId: membership.userId,
      data: { membershipId, role: membership.role, unit: `${unitType}:${unitId}` },
    });
  });
};
