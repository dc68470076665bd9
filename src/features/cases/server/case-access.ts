// Who may do what with a case — decided from the case itself (its committee, department,
// administration and handläggare), never from ids the client sends. A membership in a
// unit covers everything below it: a registrator of a nämnd covers all its cases, a
// förvaltningschef all departments of the förvaltning.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth/actor";

export type CaseScope = {
  municipalityId: string;
  committeeId: string;
  administrationId: string;
  departmentId: string;
  caseOfficerId: string;
  /** True when the case is marked confidential (OSL). */
  confidential: boolean;
};

export type CaseAction =
  | "read"
  | "readConfidential"
  | "edit"
  | "addDocument"
  | "reassign"
  | "close"
  | "editStatement";

const READERS: Role[] = ["CASE_OFFICER", "REGISTRAR", "DEPARTMENT_HEAD", "DIRECTOR", "COMMITTEE_SECRETARY", "CHAIR", "MINUTES_CHECKER"];

/** Roles (within the case's units) that may perform an action; the case's own handläggare is handled separately. */
const ROLES_FOR: Record<CaseAction, Role[]> = {
  read: READERS,
  // Confidential content: those who work the case, not every committee member.
  readConfidential: ["REGISTRAR", "DEPARTMENT_HEAD", "DIRECTOR", "COMMITTEE_SECRETARY"],
  edit: ["REGISTRAR", "DEPARTMENT_HEAD"],
  addDocument: ["REGISTRAR", "DEPARTMENT_HEAD", "COMMITTEE_SECRETARY"],
  reassign: ["REGISTRAR", "DEPARTMENT_HEAD", "DIRECTOR"],
  close: ["REGISTRAR", "DEPARTMENT_HEAD", "COMMITTEE_SECRETARY"],
  editStatement: [],
};

/** The assigned handläggare may do these on their own case. */
const CASE_OFFICER_ACTIONS: ReadonlySet<CaseAction> = new Set(["read", "readConfidential", "edit", "addDocument", "close", "editStatement"]);

export const actorHoldsRoleIn = (actor: Actor, roles: readonly Role[], scope: Omit<CaseScope, "caseOfficerId" | "confidential">): boolean =>
  actor.memberships.some((membership) => {
    if (!roles.includes(membership.role)) return false;
    switch (membership.unitType) {
      case "MUNICIPALITY":
        return membership.unitId === scope.municipalityId;
      case "COMMITTEE":
        return membership.unitId === scope.committeeId;
      case "ADMINISTRATION":
        return membership.unitId === scope.administrationId;
      case "DEPARTMENT":
        return membership.unitId === scope.departmentId;
    }
  });

export const canOnCase = (actor: Actor, action: CaseAction, scope: CaseScope): boolean => {
  if (scope.caseOfficerId === actor.id && CASE_OFFICER_ACTIONS.has(action)) return true;
  if (!actorHoldsRoleIn(actor, ROLES_FOR[action], scope)) return false;
  // Reading a confidential case at all requires the confidential-reader roles.
  if (action === "read" && scope.confidential) return actorHoldsRoleIn(actor, ROLES_FOR.readConfidential, scope);
  return true;
};

/** The same rule as `canOnCase(actor, "read", …)`, as a database filter for lists and search. */
export const readableCasesWhere = (actor: Actor): Prisma.CaseWhereInput => {
  const unitFilter = (roles: readonly Role[]): Prisma.CaseWhereInput[] =>
    actor.memberships
      .filter((membership) => roles.includes(membership.role))
      .map((membership): Prisma.CaseWhereInput => {
        switch (membership.unitType) {
          case "MUNICIPALITY":
            return { committee: { municipalityId: membership.unitId } };
          case "COMMITTEE":
            return { committeeId: membership.unitId };
          case "ADMINISTRATION":
            return { department: { administrationId: membership.unitId } };
          case "DEPARTMENT":
            return { departmentId: membership.unitId };
        }
      });
  const publicCaseReaders = unitFilter(READERS);
  const confidentialCaseReaders = unitFilter(ROLES_FOR.readConfidential);
  return {
    OR: [
      { caseOfficerId: actor.id },
      ...(publicCaseReaders.length > 0 ? [{ secrecyReference: null, OR: publicCaseReaders }] : []),
      ...(confidentialCaseReaders.length > 0 ? [{ OR: confidentialCaseReaders }] : []),
    ],
  };
};

/** Loads what `canOnCase` needs; select this together with the case. */
export const CASE_SCOPE_SELECT = {
  committeeId: true,
  departmentId: true,
  caseOfficerId: true,
  secrecyReference: true,
  committee: { select: { municipalityId: true } },
  department: { select: { administrationId: true } },
} satisfies Prisma.CaseSelect;

export const toCaseScope = (row: Prisma.CaseGetPayload<{ select: typeof CASE_SCOPE_SELECT }>): CaseScope => ({
  municipalityId: row.committee.municipalityId,
  committeeId: row.committeeId,
  administrationId: row.department.administrationId,
  departmentId: row.departmentId,
  caseOfficerId: row.caseOfficerId,
  confidential: row.secrecyReference !== null,
});
