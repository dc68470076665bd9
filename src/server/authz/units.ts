// The one unit-coverage rule: a membership reaches a resource when its unit is one of the
// resource's units at the membership's level. A resource lists the units whose memberships
// reach it — for a case the chain above it (its municipality, committee, förvaltning and
// avdelning), so a membership in a unit covers everything below it. Both directions of the
// rule (actor → "does it cover this resource?" and resource → "which memberships/cases
// does it reach?") are read from the LEVELS table below, so in-memory checks and database
// filters cannot disagree (tests/integration/authz-agreement.integration.test.ts).
import { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import type { Actor, ActorMembership, UnitType } from "@/server/auth/actor";

/** The units, per level, whose memberships reach a resource. */
export type UnitScope = {
  municipalityId: string;
  committeeIds: readonly string[];
  administrationIds: readonly string[];
  departmentIds: readonly string[];
};

/** One unit and the units above it (a case's or a department's chain). */
export type UnitChain = { municipalityId: string; committeeId?: string; administrationId?: string; departmentId?: string };

export const chainScope = ({ municipalityId, committeeId, administrationId, departmentId }: UnitChain): UnitScope => ({
  municipalityId,
  committeeIds: committeeId ? [committeeId] : [],
  administrationIds: administrationId ? [administrationId] : [],
  departmentIds: departmentId ? [departmentId] : [],
});

type Level = {
  /** The scope's units at this level. */
  ids: (scope: UnitScope) => readonly string[];
  /** The membership column naming a unit of this level. */
  membershipColumn: "municipalityId" | "committeeId" | "administrationId" | "departmentId";
  /** Cases whose chain contains a unit of this level. */
  cases: (unitId: string) => Prisma.CaseWhereInput;
  /** `cases` in SQL, on the case row `c` (raw queries: search). */
  casesSql: (unitId: string, c: Prisma.Sql) => Prisma.Sql;
  /** Committees whose tree (committeeTreeScope) contains a unit of this level. */
  committees: (unitId: string) => Prisma.CommitteeWhereInput;
};

const LEVELS: Record<UnitType, Level> = {
  MUNICIPALITY: {
    ids: (scope) => [scope.municipalityId],
    membershipColumn: "municipalityId",
    cases: (unitId) => ({ committee: { municipalityId: unitId } }),
    casesSql: (unitId, c) => Prisma.sql`${c}.committee_id IN (SELECT id FROM committee WHERE municipality_id = ${unitId})`,
    committees: (unitId) => ({ municipalityId: unitId }),
  },
  COMMITTEE: {
    ids: (scope) => scope.committeeIds,
    membershipColumn: "committeeId",
    cases: (unitId) => ({ committeeId: unitId }),
    casesSql: (unitId, c) => Prisma.sql`${c}.committee_id = ${unitId}`,
    committees: (unitId) => ({ id: unitId }),
  },
  ADMINISTRATION: {
    ids: (scope) => scope.administrationIds,
    membershipColumn: "administrationId",
    cases: (unitId) => ({ department: { administrationId: unitId } }),
    casesSql: (unitId, c) => Prisma.sql`${c}.department_id IN (SELECT id FROM department WHERE administration_id = ${unitId})`,
    committees: (unitId) => ({ administrations: { some: { id: unitId } } }),
  },
  DEPARTMENT: {
    ids: (scope) => scope.departmentIds,
    membershipColumn: "departmentId",
    cases: (unitId) => ({ departmentId: unitId }),
    casesSql: (unitId, c) => Prisma.sql`${c}.department_id = ${unitId}`,
    committees: (unitId) => ({ administrations: { some: { departments: { some: { id: unitId } } } } }),
  },
};

const UNIT_TYPES = Object.keys(LEVELS) as UnitType[];

type MembershipUnit = Pick<ActorMembership, "unitType" | "unitId">;

export const membershipCovers = (membership: MembershipUnit, scope: UnitScope): boolean => LEVELS[membership.unitType].ids(scope).includes(membership.unitId);

/** True when the actor holds one of `roles` through a membership that covers the scope. */
export const holdsRoleCovering = (actor: Actor, roles: readonly Role[], scope: UnitScope): boolean =>
  actor.memberships.some((membership) => roles.includes(membership.role) && membershipCovers(membership, scope));

/** A membership row's unit (the row names exactly one). */
export const membershipRowUnit = (row: Record<Level["membershipColumn"], string | null>): MembershipUnit | null => {
  const unitType = UNIT_TYPES.find((type) => row[LEVELS[type].membershipColumn] !== null);
  return unitType ? { unitType, unitId: row[LEVELS[unitType].membershipColumn]! } : null;
};

/** Membership rows with one of `roles` that cover the scope: the database form of `holdsRoleCovering`. */
export const membershipCoveringWhere = (roles: readonly Role[], scope: UnitScope): Prisma.MembershipWhereInput => ({
  role: { in: [...roles] },
  OR: UNIT_TYPES.map((type) => ({ [LEVELS[type].membershipColumn]: { in: [...LEVELS[type].ids(scope)] } })),
});

/** Active users holding one of `roles` in a unit covering the scope (handläggare of a department, eligible attesters). */
export const usersCoveringWhere = (roles: readonly Role[], scope: UnitScope): Prisma.UserWhereInput => ({
  disabledAt: null,
  memberships: { some: membershipCoveringWhere(roles, scope) },
});

/** The units the actor holds one of `roles` in, each once (two such roles in one unit are one condition, not two). */
const coveringMemberships = (actor: Actor, roles: readonly Role[]) => [
  ...new Map(actor.memberships.filter((membership) => roles.includes(membership.role)).map((membership) => [`${membership.unitType}:${membership.unitId}`, membership])).values(),
];

/** Cases whose chain a membership of the actor with one of `roles` covers: the database form of `holdsRoleCovering` over cases. */
export const casesCoveredWhere = (actor: Actor, roles: readonly Role[]): Prisma.CaseWhereInput[] =>
  coveringMemberships(actor, roles).map((membership) => LEVELS[membership.unitType].cases(membership.unitId));

/** `casesCoveredWhere` in SQL on the case row `c`: one condition per covering membership. */
export const casesCoveredSql = (actor: Actor, roles: readonly Role[], c: Prisma.Sql): Prisma.Sql[] =>
  coveringMemberships(actor, roles).map((membership) => LEVELS[membership.unitType].casesSql(membership.unitId, c));

/** Committees whose tree a membership of the actor with one of `roles` is in: the database form over committee trees. */
export const committeesCoveredWhere = (actor: Actor, roles: readonly Role[]): Prisma.CommitteeWhereInput[] =>
  coveringMemberships(actor, roles).map((membership) => LEVELS[membership.unitType].committees(membership.unitId));
