// Who may administer what: a holder of ADMIN in a municipality (a membership on the
// municipality itself) administers that municipality's units, series, KLASSA classes and
// the users who hold roles there. Services derive the municipality from the resource.
import "server-only";
import type { Actor } from "@/server/auth/actor";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import type { TUnitType } from "../schemas";

/** Municipalities the actor administers, in membership order. */
export const adminMunicipalityIds = (actor: Actor): string[] => [
  ...new Set(actor.memberships.filter((membership) => membership.role === "ADMIN" && membership.unitType === "MUNICIPALITY").map((membership) => membership.unitId)),
];

export const isAdminOf = (actor: Actor, municipalityId: string): boolean => adminMunicipalityIds(actor).includes(municipalityId);

export const assertAdminOf = (actor: Actor, municipalityId: string): void => {
  if (!isAdminOf(actor, municipalityId)) throw new AppError("FORBIDDEN", `Actor ${actor.id} is not ADMIN of municipality ${municipalityId}`);
};

/**
 * The municipality the admin pages work on: the first one the actor administers (an
 * installation normally serves one municipality). FORBIDDEN for everyone else.
 */
export const adminMunicipalityOf = (actor: Actor): string => {
  const [municipalityId] = adminMunicipalityIds(actor);
  if (!municipalityId) throw new AppError("FORBIDDEN", `Actor ${actor.id} administers no municipality`);
  return municipalityId;
};

/** The municipality a unit belongs to, or null when there is no such unit. */
export const municipalityOfUnit = async (tx: Tx, unit: { type: TUnitType; id: string }): Promise<string | null> => {
  switch (unit.type) {
    case "MUNICIPALITY":
      return (await tx.municipality.findUnique({ where: { id: unit.id }, select: { id: true } }))?.id ?? null;
    case "COMMITTEE":
      return (await tx.committee.findUnique({ where: { id: unit.id }, select: { municipalityId: true } }))?.municipalityId ?? null;
    case "ADMINISTRATION":
      return (await tx.administration.findUnique({ where: { id: unit.id }, select: { municipalityId: true } }))?.municipalityId ?? null;
    case "DEPARTMENT":
      return (await tx.department.findUnique({ where: { id: unit.id }, select: { administration: { select: { municipalityId: true } } } }))?.administration.municipalityId ?? null;
  }
};

/** Membership rows in a municipality's units: the users an admin of that municipality manages. */
export const membershipInMunicipalityWhere = (municipalityId: string) => ({
  OR: [
    { municipalityId },
    { committee: { municipalityId } },
    { administration: { municipalityId } },
    { department: { administration: { municipalityId } } },
  ],
});

/** The municipalities of all of a user's roles. */
export const municipalitiesOfUser = async (tx: Tx, userId: string): Promise<string[]> => {
  const memberships = await tx.membership.findMany({
    where: { userId },
    select: {
      municipalityId: true,
      committee: { select: { municipalityId: true } },
      administration: { select: { municipalityId: true } },
      department: { select: { administration: { select: { municipalityId: true } } } },
    },
  });
  return [
    ...new Set(
      memberships.map(
        (membership) =>
          membership.municipalityId ??
          membership.committee?.municipalityId ??
          membership.administration?.municipalityId ??
          membership.department?.administration.municipalityId ??
          "",
      ),
    ),
  ].filter(Boolean);
};

/**
 * A user is managed by the admins of the municipalities they hold roles in. Changing a user
 * affects all their roles, so the actor must administer every one of those municipalities;
 * a user with no role at all belongs to nobody and is NOT_FOUND here.
 */
export const assertManagesUser = async (tx: Tx, actor: Actor, userId: string): Promise<void> => {
  const exists = await tx.user.count({ where: { id: userId } });
  if (!exists) throw new AppError("NOT_FOUND", `User ${userId} not found`);
  const municipalities = await municipalitiesOfUser(tx, userId);
  if (municipalities.length === 0) throw new AppError("NOT_FOUND", `User ${userId} holds no role in any municipality`);
  if (!municipalities.every((municipalityId) => isAdminOf(actor, municipalityId))) {
    throw new AppError("FORBIDDEN", `Actor ${actor.id} does not administer every municipality of user ${userId}`);
  }
};
