// Who may attest a case's tjänsteutlåtande, who is proposed by default, and what must be
// filled in before it is sent.
import "server-only";
import type { Role } from "@/generated/prisma/enums";
import type { CaseScope } from "@/server/authz";
import { missingRequiredSections } from "@/features/statements/content";
import { parseStatementContent, parseTemplateDefinition } from "@/features/statements/server";
import { db, type Tx } from "@/server/db";

export const ATTESTING_ROLES = ["DEPARTMENT_HEAD", "DIRECTOR"] as const satisfies readonly Role[];

export type Attester = { userId: string; name: string; title: string | null; role: (typeof ATTESTING_ROLES)[number] };

/**
 * Who may attest a case's statement: avdelningschefer of the case's department, then
 * directors of its administration (the default order of the signatures).
 */
export const eligibleAttesters = async (client: Tx | typeof db, scope: CaseScope): Promise<Attester[]> => {
  const memberships = await client.membership.findMany({
    where: {
      user: { disabledAt: null },
      OR: [
        { role: "DEPARTMENT_HEAD", departmentId: scope.departmentId },
        { role: "DIRECTOR", administrationId: scope.administrationId },
      ],
    },
    select: { role: true, user: { select: { id: true, name: true, title: true } } },
    orderBy: [{ user: { name: "asc" } }],
  });
  const byUser = new Map<string, Attester>();
  for (const role of ATTESTING_ROLES) {
    for (const membership of memberships.filter((item) => item.role === role)) {
      if (!byUser.has(membership.user.id)) byUser.set(membership.user.id, { userId: membership.user.id, name: membership.user.name, title: membership.user.title, role });
    }
  }
  return [...byUser.values()];
};

/** The default: the department's avdelningschef, then the administration's director. */
export const defaultAttesters = (eligible: readonly Attester[]): Attester[] =>
  ATTESTING_ROLES.map((role) => eligible.find((attester) => attester.role === role)).filter((attester): attester is Attester => Boolean(attester));

/**
 * The template's required sections must have content before anyone is asked to attest:
 * checked against the template version the statement was created from.
 */
export const requiredSectionsMissing = async (client: Tx | typeof db, statementId: string, content: unknown): Promise<string[]> => {
  const { template } = await client.statement.findUniqueOrThrow({ where: { id: statementId }, select: { template: { select: { definition: true } } } });
  return missingRequiredSections(parseStatementContent(content), parseTemplateDefinition(template.definition));
};

/** The statement's authors: its creator and everyone who saved a version of it. */
export const statementAuthorIds = async (client: Tx | typeof db, statement: { id: string; createdById: string }): Promise<Set<string>> => {
  const versions = await client.statementVersion.findMany({ where: { statementId: statement.id }, distinct: ["authorId"], select: { authorId: true } });
  return new Set([statement.createdById, ...versions.map((version) => version.authorId)]);
};
