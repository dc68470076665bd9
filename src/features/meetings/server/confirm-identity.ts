// Re-authentication seam for justering: an approval made more than five minutes after
// the user signed in requires the password again. Written here because the attestation
// engine's `confirmIdentity` was not available yet; the rule is the same.
import "server-only";
import type { Actor } from "@/server/auth";
import { verifyPassword } from "@/server/auth/password";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

export const REAUTH_AFTER_SECONDS = 5 * 60;

export type IdentityProof = { authMethod: "SESSION" | "PASSWORD" };

export const needsReauthentication = (actor: Actor, now: Date = new Date()): boolean => now.getTime() / 1000 - actor.authTime > REAUTH_AFTER_SECONDS;

export const confirmIdentity = async ({ actor, password, now = new Date() }: { actor: Actor; password?: string; now?: Date }): Promise<IdentityProof> => {
  if (!needsReauthentication(actor, now)) return { authMethod: "SESSION" };
  if (!password) {
    throw new AppError("VALIDATION", "Re-authentication required", {
      userMessage: "Det är mer än fem minuter sedan du loggade in. Bekräfta justeringen med ditt lösenord.",
      fieldErrors: { password: ["Ange ditt lösenord."] },
    });
  }
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(user?.passwordHash, password))) {
    throw new AppError("VALIDATION", "Wrong password at re-authentication", { userMessage: "Fel lösenord.", fieldErrors: { password: ["Fel lösenord."] } });
  }
  return { authMethod: "PASSWORD" };
};
