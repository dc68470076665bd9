// Read models of the admin pages. Each one resolves the actor's municipality itself and
// throws FORBIDDEN for non-admins; pages check first (to answer 404) and then call these.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { unitKey, type TUnitType } from "../schemas";
import { administeredMunicipalityIds, adminMunicipalityOf, can, loadUserAdminScope, membershipInMunicipalityWhere } from "@/server/authz";
import { isUuid } from "@/lib/ids";
import { escapeLike } from "@/lib/like";
import { formatCaseNumber } from "@/lib/case-number";
import { formatDateOnly, stockholmToday, todayInStockholm } from "@/lib/dates";
import { firstFreeSequence } from "@/server/registry-counters";
import { formatTerm, isInOffice } from "../committees";

/** The municipality the admin pages show, or null unless the actor administers exactly one (pages answer 404). */
export const findAdminMunicipality = async (actor: Actor) => {
  const [municipalityId, ...others] = administeredMunicipalityIds(actor);
  if (!municipalityId || others.length > 0) return null;
  return db.municipality.findUnique({ where: { id: municipalityId }, select: { id: true, name: true } });
};

export const getOrganisation = async (actor: Actor) => {
  const municipalityId = adminMunicipalityOf(actor);
  const [committees, administrations, departments] = await Promise.all([
    db.committee.findMany({ where: { municipalityId }, orderBy: { name: "asc" }, include: { parent: { select: { name: true } }, _count: { select: { members: true } } } }),
    db.administration.findMany({ where: { municipalityId }, orderBy: { name: "asc" }, include: { committee: { select: { name: true } } } }),
    db.department.findMany({
      where: { administration: { municipalityId } },
      orderBy: [{ administration: { name: "asc" } }, { name: "asc" }],
      include: { administration: { select: { name: true } } },
    }),
  ]);
  return { committees, administrations, departments };
};

export type UnitOption = { key: string; type: TUnitType; name: string };

/** Every unit of the municipality, for the role picker: Kommun, Nämnd, Förvaltning, Avdelning. */
export const listUnitOptions = async (actor: Actor): Promise<UnitOption[]> => {
  const municipalityId = adminMunicipalityOf(actor);
  const [municipality, { committees, administrations, departments }] = await Promise.all([
    db.municipality.findUniqueOrThrow({ where: { id: municipalityId } }),
    getOrganisation(actor),
  ]);
  return [
    { key: unitKey("MUNICIPALITY", municipality.id), type: "MUNICIPALITY" as const, name: municipality.name },
    ...committees.map((unit) => ({ key: unitKey("COMMITTEE", unit.id), type: "COMMITTEE" as const, name: unit.name })),
    ...administrations.map((unit) => ({ key: unitKey("ADMINISTRATION", unit.id), type: "ADMINISTRATION" as const, name: unit.name })),
    ...departments.map((unit) => ({ key: unitKey("DEPARTMENT", unit.id), type: "DEPARTMENT" as const, name: `${unit.name} (${unit.administration.name})` })),
  ];
};

const MEMBERSHIP_INCLUDE = {
  municipality: { select: { name: true } },
  committee: { select: { name: true } },
  administration: { select: { name: true } },
  department: { select: { name: true, administration: { select: { name: true } } } },
} as const;

export type UserMembershipRow = { id: string; role: Role; unitType: TUnitType; unitName: string };

const toMembershipRow = (membership: {
  id: string;
  role: Role;
  municipality: { name: string } | null;
  committee: { name: string } | null;
  administration: { name: string } | null;
  department: { name: string; administration: { name: string } } | null;
}): UserMembershipRow => {
  if (membership.department) return { id: membership.id, role: membership.role, unitType: "DEPARTMENT", unitName: `${membership.department.name} (${membership.department.administration.name})` };
  if (membership.administration) return { id: membership.id, role: membership.role, unitType: "ADMINISTRATION", unitName: membership.administration.name };
  if (membership.committee) return { id: membership.id, role: membership.role, unitType: "COMMITTEE", unitName: membership.committee.name };
  return { id: membership.id, role: membership.role, unitType: "MUNICIPALITY", unitName: membership.municipality?.name ?? "" };
};

/** Users per page of the admin's list: a city's diarium has thousands. */
export const USERS_PAGE_SIZE = 50;

export type ListUsersOptions = {
  /** Part of the name, username or title (any case). */
  q?: string;
  /** 1 unless given; a page past the last is empty (the page says so). */
  page?: number;
};

/** The municipality's users with a role in it, by name, a page at a time: the page's rows and how many there are in all. */
export const listUsers = async (actor: Actor, { q, page = 1 }: ListUsersOptions = {}) => {
  const municipalityId = adminMunicipalityOf(actor);
  const contains = q?.trim() ? escapeLike(q.trim()) : null;
  const where = {
    memberships: { some: membershipInMunicipalityWhere(municipalityId) },
    ...(contains ? { OR: [{ name: { contains, mode: "insensitive" } }, { username: { contains, mode: "insensitive" } }, { title: { contains, mode: "insensitive" } }] } : {}),
  } satisfies Prisma.UserWhereInput;
  const [users, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { username: "asc" }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      include: { memberships: { include: MEMBERSHIP_INCLUDE, orderBy: { createdAt: "asc" } } },
    }),
    db.user.count({ where }),
  ]);
  return {
    total,
    page,
    pages: Math.ceil(total / USERS_PAGE_SIZE),
    rows: users.map((user) => ({
      id: user.id,
      username: user.username,
      name: user.name,
      title: user.title,
      disabled: user.disabledAt !== null,
      memberships: user.memberships.map(toMembershipRow),
    })),
  };
};

/** One user as the admin sees them, or null when unknown or not administered by the actor. */
export const getUserForAdmin = async (actor: Actor, userId: string) => {
  adminMunicipalityOf(actor);
  if (!isUuid(userId)) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    include: { memberships: { include: MEMBERSHIP_INCLUDE, orderBy: { createdAt: "asc" } } },
  });
  if (!user) return null;
  const scope = await loadUserAdminScope(db, userId);
  if (!scope || !can(actor, "user.manage", scope)) return null;
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    title: user.title,
    phone: user.phone,
    email: user.email,
    disabled: user.disabledAt !== null,
    lastLoginAt: user.lastLoginAt,
    updatedAt: user.updatedAt,
    isSelf: user.id === actor.id,
    memberships: user.memberships.map(toMembershipRow),
  };
};

/** The committees with their series, and what the next number of this year will be. */
export const listRegistrySeries = async (actor: Actor, now: Date = new Date()) => {
  const municipalityId = adminMunicipalityOf(actor);
  const year = Number(todayInStockholm(now).slice(0, 4));
  const [committees, sampleClass] = await Promise.all([
    db.committee.findMany({
      where: { municipalityId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, shortName: true, registrySeries: { include: { counters: { orderBy: { year: "desc" } } } } },
    }),
    db.classification.findFirst({ where: { municipalityId, active: true }, orderBy: { code: "asc" }, select: { code: true } }),
  ]);
  return Promise.all(
    committees.map(async (committee) => {
      const series = committee.registrySeries;
      if (!series) return { ...committee, next: null };
      const last = series.counters.find((counter) => counter.year === year)?.lastValue ?? 0;
      const sequence = await firstFreeSequence(db, { seriesId: series.id, year, from: last + 1 });
      const classCode = sampleClass?.code ?? "1.5.1";
      return { ...committee, next: { year, sequence, caseNumber: formatCaseNumber(series.format, { ...series, year, sequence, classCode }), classCode: series.format.includes("{class}") ? classCode : null } };
    }),
  );
};

export const listClassifications = async (actor: Actor) => {
  const municipalityId = adminMunicipalityOf(actor);
  const classes = await db.classification.findMany({ where: { municipalityId } });
  // Numeric order of the code's parts: 1.10 after 1.9.
  const parts = (code: string) => code.split(".").map(Number);
  return classes.sort((a, b) => {
    const [left, right] = [parts(a.code), parts(b.code)];
    for (let index = 0; index < Math.max(left.length, right.length); index++) {
      const difference = (left[index] ?? -1) - (right[index] ?? -1);
      if (difference !== 0) return difference;
    }
    return 0;
  });
};

/**
 * A committee's members for its admin page: in office today, not yet in office (a new term
 * imported ahead of time) and former; and the municipality's users a member can be linked to.
 * Null when the committee is unknown or in another municipality (the page answers 404).
 */
export const getCommitteeMembers = async (actor: Actor, committeeId: string, now = new Date()) => {
  const municipalityId = adminMunicipalityOf(actor);
  const committee = await db.committee.findFirst({ where: { id: committeeId, municipalityId }, select: { id: true, name: true, shortName: true, kind: true } });
  if (!committee) return null;
  const members = await db.committeeMember.findMany({
    where: { committeeId },
    orderBy: [{ role: "asc" }, { name: "asc" }],
    include: { user: { select: { name: true, username: true } } },
  });
  const today = stockholmToday(now);
  const rows = members.map((member) => ({
    id: member.id,
    name: member.name,
    party: member.party,
    role: member.role,
    email: member.email,
    phone: member.phone,
    username: member.user?.username ?? null,
    user: member.user,
    termStart: formatDateOnly(member.termStart),
    termEnd: member.termEnd ? formatDateOnly(member.termEnd) : null,
    term: formatTerm(member),
    updatedAt: member.updatedAt.toISOString(),
    status: isInOffice(member, today) ? ("CURRENT" as const) : member.termStart > today ? ("UPCOMING" as const) : ("FORMER" as const),
  }));
  return {
    committee,
    today: formatDateOnly(today),
    current: rows.filter((row) => row.status === "CURRENT"),
    upcoming: rows.filter((row) => row.status === "UPCOMING"),
    former: rows.filter((row) => row.status === "FORMER"),
  };
};
