import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { chainScope, usersCoveringWhere, type CaseScope, type RegistrationScope } from "@/server/authz";
import type { Db, Tx } from "@/server/db";

/** Active users who may be handläggare of a case in the department: handläggare there or in a unit above it. */
export const caseOfficerWhere = (scope: RegistrationScope): Prisma.UserWhereInput => usersCoveringWhere(["CASE_OFFICER"], chainScope(scope));

/**
 * Active users who may be medhandläggare: handläggare of any avdelning of the case's
 * förvaltning or above it (a statement is often written together with another avdelning),
 * other than the responsible one and those already named.
 */
export const coOfficerCandidatesWhere = async (client: Db | Tx, scope: CaseScope): Promise<Prisma.UserWhereInput> => {
  const departments = await client.department.findMany({ where: { administrationId: scope.administrationId }, select: { id: true } });
  return {
    ...usersCoveringWhere(["CASE_OFFICER"], {
      municipalityId: scope.municipalityId,
      committeeIds: [scope.committeeId],
      administrationIds: [scope.administrationId],
      departmentIds: departments.map((department) => department.id),
    }),
    id: { notIn: [scope.caseOfficerId, ...scope.coOfficerIds] },
  };
};
