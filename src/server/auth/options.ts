// next-auth 4 configuration. Sessions are signed JWTs (stateless servers); what a token
// may do is decided per request from the database (see actor.ts), so a disabled or
// demoted user, or a logged-out session, stops working on the next request.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { db } from "@/server/db";
import { env, oidcEnabled } from "@/server/env";
import { recordAudit } from "@/server/audit";
import { logger } from "@/server/logger";
import { clientAddress, type HeaderBag } from "./client-address";
import { verifyPassword } from "./password";
import { ZLoginSchema } from "./schemas";
import { throttledPasswordCheck } from "./throttle";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
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

const oidcProvider = (): NextAuthOptions["providers"] =>
  oidcEnabled()
    ? [
        {
          id: "oidc",
          name: env.OIDC_NAME,
          type: "oauth",
          wellKnown: `${env.OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
          clientId: env.OIDC_CLIENT_ID,
          clientSecret: env.OIDC_CLIENT_SECRET,
          authorization: { params: { scope: "openid profile email" } },
          idToken: true,
          checks: ["pkce", "state"],
          profile: (profile: { sub: string; name?: string; email?: string }) => ({
            id: profile.sub,
            name: profile.name ?? profile.email ?? profile.sub,
            email: profile.email ?? null,
          }),
        },
      ]
    : [];

/**
 * An OIDC identity signs in only as an existing, active Yttra user: linked by subject,
 * or on first use by an e-mail address that matches exactly one user without a subject.
 */
const resolveOidcUser = async (subject: string, email: string | null | undefined) => {
  const bySubject = await db.user.findUnique({ where: { oidcSubject: subject } });
  if (bySubject) return bySubject;
  if (!email) return null;
  const candidates = await db.user.findMany({ where: { email: { equals: email, mode: "insensitive" }, oidcSubject: null }, take: 2 });
  if (candidates.length !== 1) return null;
  return db.user.update({ where: { id: candidates[0]!.id }, data: { oidcSubject: subject } });
};

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // Cookies are HttpOnly and SameSite=Lax (next-auth's defaults) and Secure whenever the
  // app is served over https (NEXTAUTH_URL), as every production deployment must be.
  useSecureCookies: env.NEXTAUTH_URL?.startsWith("https://") ?? false,
  pages: { signIn: "/logga-in", error: "/logga-in" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Användarnamn och lösenord",
      credentials: { username: { label: "Användarnamn", type: "text" }, password: { label: "Lösenord", type: "password" } },
      authorize: (credentials, request) => authorizeWithPassword(credentials, clientAddress(request?.headers as HeaderBag, env.TRUSTED_PROXY_COUNT)),
    }),
    ...oidcProvider(),
  ],
  callbacks: {
    // Where next-auth sends the browser after sign-in and sign-out (its callbackUrl).
    redirect: async ({ url, baseUrl }) => `${baseUrl}${safeRedirectPath(url, { origin: baseUrl })}`,
    signIn: async ({ account, user, profile }) => {
      if (account?.provider !== "oidc") return true;
      const dbUser = await resolveOidcUser(account.providerAccountId, profile?.email ?? user.email);
      if (!dbUser || dbUser.disabledAt) return "/logga-in?error=OidcUnknownUser";
      await db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: dbUser.id }, data: { lastLoginAt: new Date() } });
        await recordAudit(tx, { actorId: dbUser.id, action: "user.login", entityType: "User", entityId: dbUser.id, data: { method: "oidc" } });
      });
      return true;
    },
    jwt: async ({ token, user, account }) => {
      if (user && account) {
        const dbUser =
          account.provider === "oidc"
            ? await db.user.findUnique({ where: { oidcSubject: account.providerAccountId } })
            : await db.user.findUnique({ where: { id: user.id } });
        if (!dbUser) return token;
        token.userId = dbUser.id;
        token.sessionVersion = dbUser.sessionVersion;
        token.authTime = Math.floor(Date.now() / 1000);
        token.name = dbUser.name;
      }
      return token;
    },
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
