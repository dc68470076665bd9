import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { chainScope, usersCoveringWhere, type RegistrationScope } from "@/server/authz";

/** Active users who may be handläggare of a case in the department: handläggare there or in a unit above it. */
export const caseOfficerWhere = (scope: RegistrationScope): Prisma.UserWhereInput => usersCoveringWhere(["CASE_OFFICER"], chainScope(scope));
