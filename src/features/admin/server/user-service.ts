// Users and their memberships. Used by the admin pages, `npm run user:create` and the seed.
import "server-only";
import type { Role } from "@/generated/prisma/enums";
import { recordAudit } from "@/server/audit";
import { hashPassword } from "@/server/auth/password";
import { db, type Tx } from "@/server/db";
import { AppError, toAppError } from "@/server/errors";
import type { TCreateUser } from "../schemas";

export type MembershipUnit =
  | { municipalityId: string }
  | { committeeId: string }
  | { administrationId: string }
  | { departmentId: string };

export type CreateUserOptions = {
  actorId: string | null;
  input: TCreateUser;
  memberships?: { role: Role; unit: MembershipUnit }[];
  /** The installation administrator (`npm run user:create -- --installation`): no municipality role needed. */
  installationAdmin?: boolean;
};

const USERNAME_TAKEN = "Användarnamnet är upptaget.";

/** Creates the user, their roles and the audit event inside the caller's transaction. */
export const createUserInTx = async (
  tx: Tx,
  {
    actorId,
    fields,
    passwordHash,
    memberships,
    installationAdmin = false,
    passwordChangeRequired = false,
  }: {
    actorId: string | null;
    fields: Omit<TCreateUser, "password">;
    passwordHash: string | null;
    memberships: { role: Role; unit: MembershipUnit }[];
    installationAdmin?: boolean;
    /** The password was chosen by an administrator: the user replaces it at their first login. */
    passwordChangeRequired?: boolean;
  },
) => {
  const user = await tx.user.create({ data: { ...fields, passwordHash, installationAdmin, passwordChangeRequired } });
  for (const membership of memberships) {
    await tx.membership.create({ data: { userId: user.id, role: membership.role, ...membership.unit } });
  }
  await recordAudit(tx, {
    actorId,
    action: "user.create",
    entityType: "User",
    entityId: user.id,
    data: { username: user.username, roles: memberships.map((membership) => membership.role), ...(installationAdmin ? { installationAdmin } : {}) },
  });
  return user;
};

/** A taken username (P2002 on app_user.username) as a field message; other errors pass through mapped. */
export const mapUsernameTaken = (error: unknown): unknown => {
  const mapped = toAppError(error);
  if (mapped instanceof AppError && mapped.code === "CONFLICT" && mapped.userMessage === "Uppgiften finns redan.") {
    return new AppError("CONFLICT", "Username taken", { userMessage: USERNAME_TAKEN, fieldErrors: { username: [USERNAME_TAKEN] } });
  }
  return mapped;
};

export const createUser = async ({ actorId, input, memberships = [], installationAdmin }: CreateUserOptions) => {
  const { password, ...fields } = input;
  const passwordHash = password ? await hashPassword(password) : null;
  try {
    return await db.$transaction((tx) => createUserInTx(tx, { actorId, fields, passwordHash, memberships, installationAdmin }));
  } catch (error) {
    throw mapUsernameTaken(error);
  }
};

export type SetUserDisabledOptions = { actorId: string | null; userId: string; disabled: boolean };

/**
 * Disabling also bumps the session version, so the user's open sessions end at once.
 * Returns false when the user already was in the requested state (nothing written).
 */
export const setUserDisabledInTx = async (tx: Tx, { actorId, userId, disabled }: SetUserDisabledOptions): Promise<boolean> => {
  const result = await tx.user.updateMany({
    where: { id: userId, disabledAt: disabled ? null : { not: null } },
    data: { disabledAt: disabled ? new Date() : null, sessionVersion: { increment: 1 } },
  });
  if (result.count === 0) {
    const exists = await tx.user.count({ where: { id: userId } });
    if (!exists) throw new AppError("NOT_FOUND", `User ${userId} not found`);
    return false;
  }
  await recordAudit(tx, { actorId, action: disabled ? "user.disable" : "user.enable", entityType: "User", entityId: userId });
  return true;
};

export const setUserDisabled = async (options: SetUserDisabledOptions): Promise<void> => {
  await db.$transaction((tx) => setUserDisabledInTx(tx, options));
};
