// The statement page's data: the editor's read model, and either the open return comment
// (a draft being edited) or the document as exported (read-only). The page and
// tests/integration/query-budget.integration.test.ts both call this.
import "server-only";
import { getOpenReturn } from "@/features/attestation/server/attestation-queries";
import { loadStatementDocument } from "@/features/exports/server/statement-export";
import { getStatementPage } from "@/features/statements/server/statement-queries";
import type { Actor } from "@/server/auth";

export const loadStatementPage = async ({ actor, caseId }: { actor: Actor; caseId: string }) => {
  const data = await getStatementPage({ actor, caseId });
  const statement = data.statement;
  const editable = data.canEdit && statement?.status === "DRAFT";
  // A return comment stays at the top of the editor until the statement is sent again.
  const openReturn = editable ? await getOpenReturn(data.caseId) : null;
  // Read-only: the document exactly as it is exported (one rendering for screen and file).
  const readOnly = statement && !editable ? await loadStatementDocument({ actor, statementId: statement.id, version: statement.version }) : null;
  return { data, editable, openReturn, readOnly };
};
