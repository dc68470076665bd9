// Who is making this request. Resolved from the database on every request (memoised
// for the request with React's cache) — the token only says who signed in and when.
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import type { Role } from "@/generated/prisma/enums";
import { db } from "@/server/db";
import { authOptions } from "./options";

export type UnitType = "MUNICIPALITY" | "COMMITTEE" | "ADMINISTRATION" | "DEPARTMENT";

export type ActorMembership = {
  role: Role;
  unitType: UnitType;
  unitId: string;
  unitName: string;
};

export type Actor = {
  id: string;
  username: string;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  /** Epoch seconds of the last real authentication; re-authentication steps compare with it. */
  authTime: number;
  memberships: ActorMembership[];
};

export type SessionClaims = { userId: string; sessionVersion: number; authTime: number };

/**
 * The actor for a verified token, or null when the user no longer exists, is disabled,
 * or the token's session version is outdated (logged out, demoted, disabled since).
 */
export const loadActor = async ({ userId, sessionVersion, authTime }: SessionClaims): Promise<Actor | null> => {
  if (!userId) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    include: {
      memberships: {
        include: { municipality: true, committee: true, administration: true, department: true },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return null;
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    title: user.title,
    phone: user.phone,
    email: user.email,
    authTime,
    memberships: user.memberships.map((membership): ActorMembership => {
      const unit =
        (membership.department && { unitType: "DEPARTMENT" as const, unit: membership.department }) ||
        (membership.administration && { unitType: "ADMINISTRATION" as const, unit: membership.administration }) ||
        (membership.committee && { unitType: "COMMITTEE" as const, unit: membership.committee }) ||
        (membership.municipality && { unitType: "MUNICIPALITY" as const, unit: membership.municipality });
      if (!unit) throw new Error(`Membership ${membership.id} has no unit`);
      return { role: membership.role, unitType: unit.unitType, unitId: unit.unit.id, unitName: unit.unit.name };
    }),
  };
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
