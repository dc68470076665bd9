import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { CaseScope } from "./case-access";

type UnitScope = Omit<CaseScope, "caseOfficerId" | "confidential">;

/** Memberships that make someone handläggare in a department: in the department itself or in a unit above it. */
export const caseOfficerMembershipWhere = (scope: UnitScope): Prisma.MembershipWhereInput => ({
  role: "CASE_OFFICER",
  OR: [
    { departmentId: scope.departmentId },
    { administrationId: scope.administrationId },
    { committeeId: scope.committeeId },
    { municipalityId: scope.municipalityId },
  ],
});

/** Active users who may be handläggare of a case in the department. */
export const caseOfficerWhere = (scope: UnitScope): Prisma.UserWhereInput => ({
  disabledAt: null,
  memberships: { some: caseOfficerMembershipWhere(scope) },
});
