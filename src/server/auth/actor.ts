// Who is making this request. Resolved from the database on every request (memoised
// for the request with React's cache) — the token only says who signed in and when.
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import type { Role } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import { ACTOR_USER_INCLUDE, toActor, type Actor } from "./actor-record";
import { authOptions } from "./options";

export type { Actor, ActorMembership, UnitType } from "./actor-record";

export type SessionClaims = { userId: string; sessionVersion: number; authTime: number };

/**
 * The actor for a verified token, or null when the user no longer exists, is disabled,
 * or the token's session version is outdated (logged out, demoted, disabled since).
 */
export const loadActor = async ({ userId, sessionVersion, authTime }: SessionClaims): Promise<Actor | null> => {
  if (!userId) return null;
  // One query with the memberships and their units joined in (relationJoins), on every request.
  const user = await db.user.findUnique({ where: { id: userId }, include: ACTOR_USER_INCLUDE, relationLoadStrategy: "join" });
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return null;
  return toActor(user, authTime);
};

export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.userId) return null;
  return loadActor({ userId: session.userId, sessionVersion: session.sessionVersion, authTime: session.authTime });
});

/** For pages: the actor, or a redirect to the login page. */
export const requireActor = async (): Promise<Actor> => {
  const actor = await getActor();
  if (!actor) redirect("/logga-in");
  return actor;
};

export const hasRole = (actor: Actor, ...roles: Role[]): boolean => actor.memberships.some((membership) => roles.includes(membership.role));
