// The session token next-auth wrote at sign-in, read back on every request. next-auth 4's
// getServerSession runs its whole session endpoint for that (a CSRF token, the callbacks, a
// token encoded anew that a server component cannot even set) and derives the key again each
// time: about 5 ms of CPU per request, measured under load. The token is a JWE ("dir",
// A256GCM) under a key next-auth derives from NEXTAUTH_SECRET with HKDF (next-auth/jwt's
// encode); here the key is derived once and the token only decrypted, which also verifies it
// and its expiry. session-token.test.ts decodes tokens from next-auth's own encode.
import "server-only";
import { hkdfSync } from "node:crypto";
import { errors, jwtDecrypt } from "jose";
import { z } from "zod";
import { logger } from "@/server/logger";

/** What the token says: who signed in, when, and under which session version. */
export type SessionClaims = { userId: string; sessionVersion: number; authTime: number };

const ZClaims = z.object({ userId: z.uuid(), sessionVersion: z.number().int(), authTime: z.number() });

let derived: { secret: string; key: Uint8Array } | undefined;

/** next-auth/jwt's getDerivedEncryptionKey with its default (empty) salt. */
const encryptionKey = (secret: string): Uint8Array => {
  if (derived?.secret !== secret) derived = { secret, key: new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32)) };
  return derived.key;
};

/**
 * The token in the named cookie; next-auth splits a token over 4 kB into `name.0`, `name.1` …
 * (its SessionStore), which are joined back in order.
 */
export const sessionTokenFrom = (cookies: { name: string; value: string }[], name: string): string | null => {
  const whole = cookies.find((cookie) => cookie.name === name);
  if (whole) return whole.value;
  const chunks = cookies
    .flatMap((cookie) => {
      const index = cookie.name.startsWith(`${name}.`) ? cookie.name.slice(name.length + 1) : "";
      return /^\d+$/.test(index) ? [{ index: Number(index), value: cookie.value }] : [];
    })
    .sort((a, b) => a.index - b.index);
  return chunks.length > 0 ? chunks.map((chunk) => chunk.value).join("") : null;
};

/** The claims of a token this installation issued and that has not expired, or null. */
export const decodeSessionToken = async (token: string | null, secret: string): Promise<SessionClaims | null> => {
  if (!token) return null;
  try {
    // Only what next-auth's encode writes: a token under another algorithm is refused before any
    // work (PBES2 would otherwise let anyone make the server run 10 000 PBKDF2 rounds per request).
    // next-auth's decode allows the same 15 s of clock skew.
    const { payload } = await jwtDecrypt(token, encryptionKey(secret), {
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256GCM"],
      requiredClaims: ["exp"],
      clockTolerance: 15,
    });
    const claims = ZClaims.safeParse(payload);
    return claims.success ? claims.data : null;
  } catch (error) {
    // Expired is the ordinary end of a session; anything else (tampered with, another secret,
    // another algorithm) is worth a line in the log, since a wrong secret signs everyone out.
    if (!(error instanceof errors.JWTExpired)) logger.warn("Session token refused", { reason: error instanceof Error ? error.name : "unknown" });
    return null;
  }
};
