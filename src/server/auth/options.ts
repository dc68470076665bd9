// next-auth 4 configuration. Sessions are encrypted JWTs (JWE; stateless servers); what a token
// may do is decided per request from the database (see actor.ts), so a disabled or
// demoted user, or a logged-out session, stops working on the next request.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { escapeLike } from "@/lib/like";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { db } from "@/server/db";
import { env, oidcEnabled } from "@/server/env";
import { recordAudit } from "@/server/audit";
import { logger } from "@/server/logger";
import { clientAddress, type HeaderBag } from "./client-address";
import { verifyPassword } from "./password";
import { OIDC_PROVIDER_ID, OIDC_STEP_UP_PROVIDER_ID } from "./provider-ids";
import { ZLoginSchema } from "./schemas";
import { throttledPasswordCheck } from "./throttle";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

const secureCookies = env.NEXTAUTH_URL?.startsWith("https://") ?? false;
/** next-auth's name for the session cookie; actor.ts reads the token from it (session-token.ts). */
export const SESSION_COOKIE = secureCookies ? "__Secure-next-auth.session-token" : "next-auth.session-token";
/** Thrown from authorize; the login page shows its own Swedish message for it. */
export const THROTTLED_ERROR = "THROTTLED";

declare module "next-auth" {
  interface Session {
    userId: string;
    sessionVersion: number;
    /** Epoch seconds of the last real authentication (password or OIDC). */
    authTime: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId?: string;
    sessionVersion?: number;
    authTime?: number;
  }
}

export const authorizeWithPassword = async (rawCredentials: unknown, address: string | null): Promise<{ id: string; name: string } | null> => {
  // next-auth passes the whole form (csrfToken, callbackUrl …); only these two fields are ours.
  const form = (typeof rawCredentials === "object" && rawCredentials !== null ? rawCredentials : {}) as Record<string, unknown>;
  const parsed = ZLoginSchema.safeParse({ username: form.username, password: form.password });
  // Malformed input cannot match an account: refuse it without touching the database.
  if (!parsed.success) return null;
  const { username, password } = parsed.data;

  const user = await db.user.findUnique({ where: { username } });
  const outcome = await throttledPasswordCheck({
    username,
    address,
    // An unknown user costs a hash too (verifyPassword), so timing does not reveal usernames.
    check: async () => (await verifyPassword(user?.passwordHash, password)) && Boolean(user && !user.disabledAt),
  });
  if (outcome === "THROTTLED") {
    // Not an audit event: throttled attempts cost nothing and may come by the thousand.
    logger.warn("Login throttled", { address });
    throw new Error(THROTTLED_ERROR);
  }
  if (outcome === "INVALID" || !user) {
    // The attempted username is not recorded for an unknown account: it is often a password typed in the wrong field.
    await db.$transaction((tx) =>
      recordAudit(tx, {
        actorId: null,
        action: "user.login_failed",
        entityType: "User",
        entityId: user?.id ?? "unknown",
        data: { method: "password", reason: !user ? "unknown_user" : user.disabledAt ? "disabled" : "wrong_password", address },
      }),
    );
    return null;
  }
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await recordAudit(tx, { actorId: user.id, action: "user.login", entityType: "User", entityId: user.id, data: { method: "password", address } });
  });
  return { id: user.id, name: user.name };
};

const OIDC_SCOPE = "openid profile email";

type OidcProfile = { sub: string; name?: string; email?: string };

const oidcProviders = (): NextAuthOptions["providers"] => {
  if (!oidcEnabled()) return [];
  const provider: Omit<OAuthConfig<OidcProfile>, "id"> = {
    name: env.OIDC_NAME,
    type: "oauth",
    wellKnown: `${env.OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    idToken: true,
    // The nonce binds the ID token (and its auth_time) to this browser's login attempt.
    checks: ["pkce", "state", "nonce"],
    profile: (profile) => ({
      id: profile.sub,
      name: profile.name ?? profile.email ?? profile.sub,
      email: profile.email ?? null,
    }),
  };
  const window = env.YTTRA_REAUTH_MAX_AGE_SECONDS;
  return [
    // max_age (a session's lifetime) obliges the provider to put auth_time in the ID token.
    { ...provider, id: OIDC_PROVIDER_ID, authorization: { params: { scope: OIDC_SCOPE, max_age: SESSION_MAX_AGE_SECONDS } } },
    {
      ...provider,
      id: OIDC_STEP_UP_PROVIDER_ID,
      // prompt=login: a fresh login even with a live session at the provider; max_age obliges
      // the provider to report auth_time, and openid-client refuses an ID token whose
      // auth_time is missing or older than the window (default_max_age, require_auth_time).
      authorization: { params: { scope: OIDC_SCOPE, prompt: "login", max_age: window } },
      client: { default_max_age: window, require_auth_time: true },
    },
  ];
};

const isOidc = (providerId: string | undefined): boolean => providerId === OIDC_PROVIDER_ID || providerId === OIDC_STEP_UP_PROVIDER_ID;

/**
 * When the user really authenticated: the verified ID token's auth_time (the provider's
 * knowledge, not our clock — a login that rides on an hours-old provider session is not a
 * fresh authentication). Without auth_time the login counts as old: attesting asks for a step-up.
 */
const oidcAuthTime = (claims: unknown): number => {
  const authTime = (claims as { auth_time?: unknown } | undefined)?.auth_time;
  return typeof authTime === "number" && Number.isFinite(authTime) ? Math.floor(authTime) : 0;
};

/**
 * An OIDC identity signs in only as an existing, active Yttra user: linked by subject,
 * or on first use by an e-mail address that matches exactly one user without a subject.
 */
const resolveOidcUser = async (subject: string, email: string | null | undefined) => {
  const bySubject = await db.user.findUnique({ where: { oidcSubject: subject } });
  if (bySubject) return bySubject;
  if (!email) return null;
  const candidates = await db.user.findMany({ where: { email: { equals: escapeLike(email), mode: "insensitive" }, oidcSubject: null }, take: 2 });
  if (candidates.length !== 1) return null;
  return db.user.update({ where: { id: candidates[0]!.id }, data: { oidcSubject: subject } });
};

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // Cookies are HttpOnly and SameSite=Lax (next-auth's defaults) and Secure whenever the
  // app is served over https (NEXTAUTH_URL), as every production deployment must be.
  useSecureCookies: secureCookies,
  cookies: { sessionToken: { name: SESSION_COOKIE, options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies } } },
  pages: { signIn: "/logga-in", error: "/logga-in" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Användarnamn och lösenord",
      credentials: { username: { label: "Användarnamn", type: "text" }, password: { label: "Lösenord", type: "password" } },
      authorize: (credentials, request) => authorizeWithPassword(credentials, clientAddress(request?.headers as HeaderBag, env.TRUSTED_PROXY_COUNT)),
    }),
    ...oidcProviders(),
  ],
  callbacks: {
    // Where next-auth sends the browser after sign-in and sign-out (its callbackUrl).
    redirect: async ({ url, baseUrl }) => `${baseUrl}${safeRedirectPath(url, { origin: baseUrl })}`,
    signIn: async ({ account, user, profile }) => {
      if (!account || !isOidc(account.provider)) return true;
      const dbUser = await resolveOidcUser(account.providerAccountId, profile?.email ?? user.email);
      if (!dbUser || dbUser.disabledAt) return "/logga-in?error=OidcUnknownUser";
      await db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: dbUser.id }, data: { lastLoginAt: new Date() } });
        await recordAudit(tx, {
          actorId: dbUser.id,
          action: "user.login",
          entityType: "User",
          entityId: dbUser.id,
          data: { method: "oidc", stepUp: account.provider === OIDC_STEP_UP_PROVIDER_ID, authTime: oidcAuthTime(profile) },
        });
      });
      return true;
    },
    jwt: async ({ token, user, account, profile }) => {
      if (user && account) {
        const dbUser =
          isOidc(account.provider)
            ? await db.user.findUnique({ where: { oidcSubject: account.providerAccountId } })
            : await db.user.findUnique({ where: { id: user.id } });
        if (!dbUser) return token;
        token.userId = dbUser.id;
        token.sessionVersion = dbUser.sessionVersion;
        token.authTime = isOidc(account.provider) ? oidcAuthTime(profile) : Math.floor(Date.now() / 1000);
        token.name = dbUser.name;
      }
      return token;
    },
    // The session endpoint (/api/auth/session); pages read the token themselves (actor.ts).
    session: async ({ session, token }) => ({
      ...session,
      userId: token.userId ?? "",
      sessionVersion: token.sessionVersion ?? 0,
      authTime: token.authTime ?? 0,
    }),
  },
  events: {
    // Logging out voids this token and every other token of the user (session version).
    signOut: async ({ token }) => {
      if (!token?.userId) return;
      const userId = token.userId;
      await db.$transaction(async (tx) => {
        const result = await tx.user.updateMany({ where: { id: userId, sessionVersion: token.sessionVersion }, data: { sessionVersion: { increment: 1 } } });
        if (result.count === 1) await recordAudit(tx, { actorId: userId, action: "user.logout", entityType: "User", entityId: userId });
      });
    },
  },
};
