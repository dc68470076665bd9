// One scope loader per resource kind: what `can` needs to know about a resource, read from
// the resource itself (never from ids the client sends). A case's scope is selected together
// with the case (CASE_SCOPE_SELECT); a statement's and a document's come through their case.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { isUuid } from "@/lib/ids";
import type { UnitType } from "@/server/auth/actor";
import type { Db, Tx } from "@/server/db";

type Client = Db | Tx;

// ─── Case (and statement, via its case) ─────────────────────────────────────

export type CaseScope = {
  municipalityId: string;
  committeeId: string;
  administrationId: string;
  departmentId: string;
  caseOfficerId: string;
  /** Medhandläggare: write the statement with the responsible handläggare. */
  coOfficerIds: string[];
  /** True when the case is marked confidential (OSL). */
  confidential: boolean;
};

/** Select this together with the case (or as `statement.case`, `document.case`). */
export const CASE_SCOPE_SELECT = {
  committeeId: true,
  departmentId: true,
  caseOfficerId: true,
  coOfficerIds: true,
  secrecyReference: true,
  committee: { select: { municipalityId: true } },
  department: { select: { administrationId: true } },
} satisfies Prisma.CaseSelect;

export type CaseScopeRow = Prisma.CaseGetPayload<{ select: typeof CASE_SCOPE_SELECT }>;

/**
 * A case with its scope and the caller's `select`: the one way a service loads a case it is
 * about to authorize. Null for an id that is not a UUID or names no case (both look the same).
 */
export const findCaseWithScope = async <S extends Prisma.CaseSelect>(client: Client, caseId: string, select: S) =>
  isUuid(caseId)
    ? // Prisma cannot infer a payload from a generic select; the cast names the one it returns.
      ((await client.case.findUnique({ where: { id: caseId }, select: { ...CASE_SCOPE_SELECT, ...select } as Prisma.CaseSelect })) as unknown as Prisma.CaseGetPayload<{
        select: typeof CASE_SCOPE_SELECT & S;
      }> | null)
    : null;

export const toCaseScope = (row: CaseScopeRow): CaseScope => ({
  municipalityId: row.committee.municipalityId,
  committeeId: row.committeeId,
  administrationId: row.department.administrationId,
  departmentId: row.departmentId,
  caseOfficerId: row.caseOfficerId,
  coOfficerIds: row.coOfficerIds,
  confidential: row.secrecyReference !== null,
});

// ─── Document (via its case) ────────────────────────────────────────────────

export type DocumentScope = { case: CaseScope; /** True when the handling carries its own secrecy marking. */ confidential: boolean };

export const DOCUMENT_SCOPE_SELECT = { secrecyReference: true, case: { select: CASE_SCOPE_SELECT } } satisfies Prisma.CaseDocumentSelect;

export const toDocumentScope = (row: Prisma.CaseDocumentGetPayload<{ select: typeof DOCUMENT_SCOPE_SELECT }>): DocumentScope => ({
  case: toCaseScope(row.case),
  confidential: row.secrecyReference !== null,
});

// ─── Committee (its meetings and minutes) ───────────────────────────────────

export type CommitteeScope = {
  committeeId: string;
  municipalityId: string;
  /** The committee's förvaltningar and their avdelningar: their staff read its meetings. */
  administrationIds: string[];
  departmentIds: string[];
};

/** Select this with committees to authorize from them without reading them again (toCommitteeScope). */
export const COMMITTEE_SCOPE_SELECT = { id: true, municipalityId: true, administrations: { select: { id: true, departments: { select: { id: true } } } } } satisfies Prisma.CommitteeSelect;

export type CommitteeScopeRow = Prisma.CommitteeGetPayload<{ select: typeof COMMITTEE_SCOPE_SELECT }>;

export const toCommitteeScope = (committee: CommitteeScopeRow): CommitteeScope => ({
  committeeId: committee.id,
  municipalityId: committee.municipalityId,
  administrationIds: committee.administrations.map((administration) => administration.id),
  departmentIds: committee.administrations.flatMap((administration) => administration.departments.map((department) => department.id)),
});

export const loadCommitteeScope = async (client: Client, committeeId: string): Promise<CommitteeScope | null> => {
  const committee = await client.committee.findUnique({ where: { id: committeeId }, select: COMMITTEE_SCOPE_SELECT });
  return committee ? toCommitteeScope(committee) : null;
};

// ─── Municipality and user (administration) ─────────────────────────────────

export type MunicipalityScope = { municipalityId: string };

/** The municipalities a user holds roles in: an admin must administer all of them to manage the user. */
export type UserAdminScope = { municipalityIds: string[] };

/** The municipality a unit belongs to, or null when there is no such unit. */
export const municipalityOfUnit = async (client: Client, unit: { type: UnitType; id: string }): Promise<string | null> => {
  switch (unit.type) {
    case "MUNICIPALITY":
      return (await client.municipality.findUnique({ where: { id: unit.id }, select: { id: true } }))?.id ?? null;
    case "COMMITTEE":
      return (await client.committee.findUnique({ where: { id: unit.id }, select: { municipalityId: true } }))?.municipalityId ?? null;
    case "ADMINISTRATION":
      return (await client.administration.findUnique({ where: { id: unit.id }, select: { municipalityId: true } }))?.municipalityId ?? null;
    case "DEPARTMENT":
      return (await client.department.findUnique({ where: { id: unit.id }, select: { administration: { select: { municipalityId: true } } } }))?.administration.municipalityId ?? null;
  }
};

/** The user's admin scope, or null when there is no such user. */
export const loadUserAdminScope = async (client: Client, userId: string): Promise<UserAdminScope | null> => {
  const user = await client.user.findUnique({
    where: { id: userId },
    select: {
      memberships: {
        select: {
          municipalityId: true,
          committee: { select: { municipalityId: true } },
          administration: { select: { municipalityId: true } },
          department: { select: { administration: { select: { municipalityId: true } } } },
        },
      },
    },
  });
  if (!user) return null;
  const municipalityIds = user.memberships.map(
    (membership) =>
      membership.municipalityId ?? membership.committee?.municipalityId ?? membership.administration?.municipalityId ?? membership.department?.administration.municipalityId ?? null,
  );
  return { municipalityIds: [...new Set(municipalityIds.filter((id): id is string => id !== null))] };
};
