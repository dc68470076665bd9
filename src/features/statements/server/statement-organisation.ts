// The letterhead (förvaltning, avdelning), the handläggare and medhandläggare and the signers
// of a tjänsteutlåtande are the organisation's on the day it is sent for attestation, not the
// day it was created: a draft shows who would sign today, and sending writes them into the
// version that the attestation binds (so the attested hash, and every export of it, names
// them as sent).
import "server-only";
import type { Db, Tx } from "@/server/db";
import { sameJson, SIGNATORIES_SECTION, withCaseOfficers } from "../content";
import type { TStatementContent, TTemplateDefinition } from "../schemas";
import { CASE_ORGANISATION_SELECT, caseOfficerNamesOf, resolveSignatories, type CaseOrganisation } from "./create-statement";
import { appendVersionInTx } from "./save-statement-section";
import { parseStatementContent, parseTemplateDefinition } from "./statement-access";

/** `content` with the letterhead, handläggare and signers the organisation gives today. */
export const withCurrentOrganisation = async (client: Db | Tx, content: TStatementContent, row: CaseOrganisation, definition: TTemplateDefinition): Promise<TStatementContent> => {
  const named = withCaseOfficers(content, caseOfficerNamesOf(row));
  return {
    ...named,
    header: { ...named.header, administrationName: row.department.administration.name, departmentName: row.department.name },
    signatories: await resolveSignatories(client, row, definition),
  };
};

export type ResolveOrganisationAtSendOptions = { actorId: string; statementId: string };

/**
 * Under the statement's lock, while it is a draft about to be sent: when the organisation
 * names other signers (or förvaltning/avdelning) than the current version, a new version
 * carries today's, with its audit event. Returns the number of the version to send.
 */
export const resolveOrganisationAtSend = async (tx: Tx, { actorId, statementId }: ResolveOrganisationAtSendOptions): Promise<number> => {
  const statement = await tx.statement.findUniqueOrThrow({
    where: { id: statementId },
    select: { caseId: true, currentVersion: true, template: { select: { definition: true } }, case: { select: CASE_ORGANISATION_SELECT } },
  });
  const version = await tx.statementVersion.findUniqueOrThrow({ where: { statementId_number: { statementId, number: statement.currentVersion } }, select: { content: true } });
  const content = parseStatementContent(version.content);
  const resolved = await withCurrentOrganisation(tx, content, statement.case, parseTemplateDefinition(statement.template.definition));
  if (sameJson(content, resolved)) return statement.currentVersion;
  const created = await appendVersionInTx(tx, {
    actorId,
    statementId,
    caseId: statement.caseId,
    current: statement.currentVersion,
    content: resolved,
    changedSection: SIGNATORIES_SECTION,
    action: "statement.resolve_signers",
  });
  return created.number;
};
