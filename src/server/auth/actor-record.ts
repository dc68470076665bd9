// The actor as a value: who acts, with the role memberships that authorization reads, built
// from a user row. No Next.js here, so scripts and child processes build actors the same way
// loadActor (actor.ts) does for a request.
import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";

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
  /** Administers the installation: creates municipalities and their first administrators. */
  installationAdmin?: boolean;
  memberships: ActorMembership[];
};

/** What `toActor` reads: the user with each membership's unit. */
export const ACTOR_USER_INCLUDE = {
  memberships: {
    include: { municipality: true, committee: true, administration: true, department: true },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.UserInclude;

/** A user row (with ACTOR_USER_INCLUDE) as the actor of a login at `authTime`; scripts and tests build actors with it too. */
export const toActor = (user: Prisma.UserGetPayload<{ include: typeof ACTOR_USER_INCLUDE }>, authTime: number): Actor => ({
  id: user.id,
  username: user.username,
  name: user.name,
  title: user.title,
  phone: user.phone,
  email: user.email,
  authTime,
  installationAdmin: user.installationAdmin,
  memberships: user.memberships.map((membership): ActorMembership => {
    const unit =
      (membership.department && { unitType: "DEPARTMENT" as const, unit: membership.department }) ||
      (membership.administration && { unitType: "ADMINISTRATION" as const, unit: membership.administration }) ||
      (membership.committee && { unitType: "COMMITTEE" as const, unit: membership.committee }) ||
      (membership.municipality && { unitType: "MUNICIPALITY" as const, unit: membership.municipality });
    if (!unit) throw new Error(`Membership ${membership.id} has no unit`);
    return { role: membership.role, unitType: unit.unitType, unitId: unit.unit.id, unitName: unit.unit.name };
  }),
});
