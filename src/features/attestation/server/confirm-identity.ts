// Re-authentication before an attestation. An attestation is a signature: when the
// session's last real login is older than five minutes, the attester proves again who
// they are. `confirmIdentity` is the seam for stronger methods: BankID or Freja eID plug
// in as further `method`s that return their own label (and, later, a signature reference).
// OIDC users have no password here: the page sends them through the municipality's login
// again (the step-up provider: prompt=login, max_age; `authTime` is the ID token's auth_time),
// and then they attest within the window.
import "server-only";
import type { Actor } from "@/server/auth/actor";
import { verifyPassword } from "@/server/auth/password";
import { throttledPasswordCheck } from "@/server/auth/throttle";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { INVALID_INPUT_MESSAGE } from "@/lib/field-errors";

/** Five minutes by default; end-to-end tests shorten it to see the re-authentication step. */
export const REAUTH_MAX_AGE_SECONDS = env.YTTRA_REAUTH_MAX_AGE_SECONDS;

export const needsReauthentication = (actor: Pick<Actor, "authTime">, now: Date = new Date()): boolean =>
  Math.floor(now.getTime() / 1000) - actor.authTime > REAUTH_MAX_AGE_SECONDS;

/** Whether the user can confirm with a password; users of the municipality's login only step up through it. */
export const hasPassword = async (userId: string): Promise<boolean> =>
  Boolean((await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } }))?.passwordHash);

const STEP_UP_MESSAGE = "Logga in igen med kommunens inloggning för att bekräfta din identitet och attestera sedan inom fem minuter.";

export type IdentityProof = { method: "password"; password: string };

export type ConfirmIdentityOptions = { actor: Actor } & IdentityProof;

/** Verifies the proof; returns the label stored on the attestation ("authentication method"). */
export const confirmIdentity = async ({ actor, method, password }: ConfirmIdentityOptions): Promise<string> => {
  switch (method) {
    case "password": {
      const user = await db.user.findUnique({ where: { id: actor.id }, select: { username: true, passwordHash: true } });
      if (!user?.passwordHash) {
        throw new AppError("UNAUTHENTICATED", "User has no password; re-login through OIDC", { userMessage: STEP_UP_MESSAGE });
      }
      // Same throttle as the login form: the re-authentication prompt is no guessing oracle.
      const outcome = await throttledPasswordCheck({ username: user.username, address: null, check: () => verifyPassword(user.passwordHash, password) });
      if (outcome === "THROTTLED") throw new AppError("RATE_LIMITED", "Re-authentication throttled");
      if (outcome === "INVALID") {
        // Said once, at the field; the form's summary links to it.
        throw new AppError("VALIDATION", "Wrong password on re-authentication", {
          userMessage: INVALID_INPUT_MESSAGE,
          fieldErrors: { password: ["Lösenordet stämmer inte."] },
        });
      }
      return "Lösenord (bekräftat vid attestering)";
    }
  }
};

/** The label for an attestation within five minutes of login: how that login was made. */
export const sessionAuthMethod = async (actor: Actor): Promise<string> => {
  const login = await db.auditEvent.findFirst({
    where: { actorId: actor.id, action: "user.login" },
    orderBy: { seq: "desc" },
    select: { data: true },
  });
  const method = (login?.data as { method?: unknown } | null)?.method;
  return method === "oidc" ? "Kommunens inloggning (OIDC)" : "Lösenord (inloggning)";
};

/**
 * The authentication method for an attestation by `actor` now: the session's if fresh,
 * else the re-confirmed proof. Throws UNAUTHENTICATED (with a field error) when proof is needed.
 */
export const authenticateForAttestation = async ({ actor, password, now = new Date() }: { actor: Actor; password?: string; now?: Date }): Promise<string> => {
  if (!needsReauthentication(actor, now)) return sessionAuthMethod(actor);
  if (!password) {
    // The field error is the form's cue: a password field, or the step-up button for users without one.
    if (!(await hasPassword(actor.id))) {
      throw new AppError("UNAUTHENTICATED", "Re-authentication through OIDC required", { userMessage: STEP_UP_MESSAGE, fieldErrors: { password: [STEP_UP_MESSAGE] } });
    }
    throw new AppError("UNAUTHENTICATED", "Re-authentication required", {
      userMessage: "Bekräfta din identitet med ditt lösenord.",
      fieldErrors: { password: ["Ange ditt lösenord."] },
    });
  }
  return confirmIdentity({ actor, method: "password", password });
};
