// Users and their memberships. Used by the admin pages, `npm run user:create` and the seed.
import type { Role } from "@/generated/prisma/enums";
import { recordAudit } from "@/server/audit";
import { hashPassword } from "@/server/auth/password";
import { db } from "@/server/db";
import { AppError, toAppError } from "@/server/errors";
import { ZCreateUserSchema, type TCreateUser } from "../schemas";

export type MembershipUnit =
  | { municipalityId: string }
  | { committeeId: string }
  | { administrationId: string }
  | { departmentId: string };

export type CreateUserOptions = {
  actorId: string | null;
  input: TCreateUser | unknown;
  memberships?: { role: Role; unit: MembershipUnit }[];
};

export const createUser = async ({ actorId, input, memberships = [] }: CreateUserOptions) => {
  const parsed = ZCreateUserSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("VALIDATION", "Invalid user input", {
      fieldErrors: Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), [issue.message]])),
    });
  }
  const { password, ...fields } = parsed.data;
  const passwordHash = password ? await hashPassword(password) : null;
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { ...fields, passwordHash } });
      for (const membership of memberships) {
        await tx.membership.create({ data: { userId: user.id, role: membership.role, ...membership.unit } });
      }
      await recordAudit(tx, {
        actorId,
        action: "user.create",
        entityType: "User",
        entityId: user.id,
        data: { username: user.username, roles: memberships.map((membership) => membership.role) },
      });
      return user;
    });
  } catch (error) {
    const mapped = toAppError(error);
    if (mapped instanceof AppError && mapped.code === "CONFLICT") {
      throw new AppError("CONFLICT", "Username taken", { userMessage: "Användarnamnet är upptaget.", fieldErrors: { username: ["Användarnamnet är upptaget."] } });
    }
    throw mapped;
  }
};

export type SetUserDisabledOptions = { actorId: string | null; userId: string; disabled: boolean };

/** Disabling also bumps the session version, so the user's open sessions end at once. */
export const setUserDisabled = async ({ actorId, userId, disabled }: SetUserDisabledOptions): Promise<void> => {
  await db.$transaction(async (tx) => {
    const result = await tx.user.updateMany({
      where: { id: userId, disabledAt: disabled ? null : { not: null } },
      data: { disabledAt: disabled ? new Date() : null, sessionVersion: { increment: 1 } },
    });
    if (result.count === 0) {
      const exists = await tx.user.count({ where: { id: userId } });
      if (!exists) throw new AppError("NOT_FOUND", `User ${userId} not found`);
      return; // already in the requested state
    }
    await recordAudit(tx, { actorId, action: disabled ? "user.disable" : "user.enable", entityType: "User", entityId: userId });
  });
};
