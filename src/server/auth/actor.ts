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

/**
 * The actor for a verified token, or null when the user no longer exists, is disabled,
 * or the token's session version is outdated (logged out, demoted, disabled since).
 */
export const loadActor = async ({ userId, sessionVersion, authTime }: SessionClaims): Promise<Actor | null> => {
  if (!userId) return null;
  const record = await readActorRecord(db, userId);
  if (!record || record.disabled || record.sessionVersion !== sessionVersion) return null;
  return { ...record.actor, authTime };
};

export const getActor = cache(async (): Promise<Actor | null> => {
  if (!env.NEXTAUTH_SECRET) throw new Error("NEXTAUTH_SECRET is not set: start the app with `npm start`, or set NEXTAUTH_SECRET.");
  const claims = await decodeSessionToken(sessionTokenFrom((await cookies()).getAll(), SESSION_COOKIE), env.NEXTAUTH_SECRET);
  return claims ? loadActor(claims) : null;
});

/** For pages: the actor, or a redirect to the login page. */
export const requireActor = async (): Promise<Actor> => {
  const actor = await getActor();
  if (!actor) redirect("/logga-in");
  return actor;
};

export const hasRole = (actor: Actor, ...roles: Role[]): boolean => actor.memberships.some((membership) => roles.includes(membership.role));
