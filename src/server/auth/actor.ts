// Who is making this request. Resolved from the database on every request (memoised
// for the request with React's cache) — the token only says who signed in and when.
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { Role } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { readActorRecord, type Actor } from "./actor-record";
import { SESSION_COOKIE } from "./options";
import { decodeSessionToken, sessionTokenFrom, type SessionClaims } from "./session-token";

export type { Actor, ActorMembership, UnitType } from "./actor-record";
export type { SessionClaims } from "./session-token";

/** Where a user chooses their own password. */
export const CHANGE_PASSWORD_PATH = "/byt-losenord";

/**
 * The user of a verified token with their record, or null when the user no longer exists, is
 * disabled, or the token's session version is outdated (logged out, demoted, disabled since).
 */
const loadSession = async ({ userId, sessionVersion, authTime }: SessionClaims) => {
  if (!userId) return null;
  const record = await readActorRecord(db, userId);
  if (!record || record.disabled || record.sessionVersion !== sessionVersion) return null;
  return { record, authTime };
};

/**
 * The actor for a verified token, or null as for loadSession; null also while the user must
 * choose their own password (an administrator gave the one they signed in with): until then they
 * read, write and download nothing, whatever the channel (pages, actions, routes).
 */
export const loadActor = async (claims: SessionClaims): Promise<Actor | null> => actorOfSession(await loadSession(claims));

const actorOfSession = (session: Awaited<ReturnType<typeof loadSession>>): Actor | null =>
  session && !session.record.passwordChangeRequired ? { ...session.record.actor, authTime: session.authTime } : null;

/** This request's session (memoised for the request), or null without a valid token. */
const getSession = cache(async () => {
  if (!env.NEXTAUTH_SECRET) throw new Error("NEXTAUTH_SECRET is not set: start the app with `npm start`, or set NEXTAUTH_SECRET.");
  const claims = await decodeSessionToken(sessionTokenFrom((await cookies()).getAll(), SESSION_COOKIE), env.NEXTAUTH_SECRET);
  return claims ? loadSession(claims) : null;
});

export const getActor = cache(async (): Promise<Actor | null> => actorOfSession(await getSession()));

/** Who may choose a password on /byt-losenord: the signed-in user, also one who must before anything else. */
export type PasswordSession = {
  userId: string;
  username: string;
  name: string;
  sessionVersion: number;
  changeRequired: boolean;
  /** False for a user who signs in only through the municipality's login (OIDC): their password is kept there. */
  hasPassword: boolean;
};

export const getPasswordSession = async (): Promise<PasswordSession | null> => {
  const session = await getSession();
  if (!session) return null;
  const { actor, sessionVersion, passwordChangeRequired, hasPassword } = session.record;
  return { userId: actor.id, username: actor.username, name: actor.name, sessionVersion, changeRequired: passwordChangeRequired, hasPassword };
};

/** For pages: the actor, or a redirect to the login page (to /byt-losenord for a user who must choose a password first). */
export const requireActor = async (): Promise<Actor> => {
  const actor = await getActor();
  if (!actor) redirect((await getPasswordSession())?.changeRequired ? CHANGE_PASSWORD_PATH : "/logga-in");
  return actor;
};

export const hasRole = (actor: Actor, ...roles: Role[]): boolean => actor.memberships.some((membership) => roles.includes(membership.role));
