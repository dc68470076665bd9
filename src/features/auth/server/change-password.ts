// A user chooses their own password (/byt-losenord): when they want to, and before anything
// else when an administrator gave the one they have (a new user, a reset, a municipality's
// one-time password; user.password_change_required). The change ends every session of the
// user, this one too, so whoever else knew the given password is signed out as well.
import "server-only";
import type { PasswordSession } from "@/server/auth/actor";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import type { TChangePassword } from "@/server/auth/schemas";
import { throttledPasswordCheck } from "@/server/auth/throttle";
import { recordAudit } from "@/server/audit";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { INVALID_INPUT_MESSAGE } from "@/lib/field-errors";

const fieldMessage = (field: keyof TChangePassword, message: string) =>
  new AppError("VALIDATION", `${field}: ${message}`, { userMessage: INVALID_INPUT_MESSAGE, fieldErrors: { [field]: [message] } });

export const changeOwnPassword = async ({ session, input }: { session: PasswordSession; input: TChangePassword }): Promise<void> => {
  const user = await db.user.findUnique({ where: { id: session.userId }, select: { username: true, passwordHash: true } });
  if (!user?.passwordHash) {
    throw new AppError("INVALID_STATE", `User ${session.userId} has no password`, { userMessage: "Du loggar in med kommunens inloggning. Ditt lösenord byter du där." });
  }
  // The same throttle as the login form: this form is no oracle for guessing the current password.
  const outcome = await throttledPasswordCheck({ username: user.username, address: null, check: () => verifyPassword(user.passwordHash, input.currentPassword) });
  if (outcome === "THROTTLED") throw new AppError("RATE_LIMITED", "Password change throttled");
  if (outcome === "INVALID") throw fieldMessage("currentPassword", "Lösenordet stämmer inte.");
  if (input.newPassword === input.currentPassword) throw fieldMessage("newPassword", "Välj ett annat lösenord än det du har nu.");
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    // Only over the password just checked, in the session just read: another change in between is reported.
    const { count } = await tx.user.updateMany({
      where: { id: session.userId, passwordHash: user.passwordHash, sessionVersion: session.sessionVersion, disabledAt: null },
      data: { passwordHash, passwordChangeRequired: false, sessionVersion: { increment: 1 } },
    });
    if (count === 0) {
      throw new AppError("CONFLICT", `User ${session.userId} changed meanwhile`, { userMessage: "Lösenordet eller inloggningen har ändrats under tiden. Logga in igen och försök på nytt." });
    }
    // Never the password or its hash: the audit log is read more widely than the user table.
    await recordAudit(tx, { actorId: session.userId, action: "user.password_change", entityType: "User", entityId: session.userId, data: { required: session.changeRequired } });
  });
};
