// The case page's data: the case with its details, its handlingar and its remisser in one read, authorized once
// from that row. The page and tests/integration/query-budget.integration.test.ts both call this.
import "server-only";
import { loadCaseDetails } from "@/features/cases/server/case-queries";
import { CASE_DOCUMENTS_SELECT, listCaseDocuments } from "@/features/documents/server/document-queries";
import { CASE_REFERRALS_SELECT, caseReferralsView } from "@/features/referrals/server";
import type { Actor } from "@/server/auth";

export const loadCasePage = async ({ actor, caseId }: { actor: Actor; caseId: string }) => {
  const { details, scope, row } = await loadCaseDetails({ actor, caseId, alsoSelect: { ...CASE_DOCUMENTS_SELECT, ...CASE_REFERRALS_SELECT } });
  return { details, documents: await listCaseDocuments({ actor, caseId, loaded: { row, scope } }), referrals: caseReferralsView({ actor, scope, row, status: details.status }) };
};
