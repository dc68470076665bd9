// The case page's data: the case with its details, one page of its handlingar and its remisser
// in one read, authorized once from that row (and, while an external instans has not answered,
// the incoming handlingar its answer can be recorded against). The page and
// tests/integration/query-budget.integration.test.ts both call this.
import "server-only";
import { loadCaseDetails } from "@/features/cases/server/case-queries";
import { caseDocumentsSelect, listCaseDocuments } from "@/features/documents/server/document-queries";
import { CASE_REFERRALS_SELECT, caseReferralsView, referralAnswerCandidates } from "@/features/referrals/server";
import type { Actor } from "@/server/auth";

export const loadCasePage = async ({ actor, caseId, documentsPage = 1 }: { actor: Actor; caseId: string; documentsPage?: number }) => {
  const { details, scope, row } = await loadCaseDetails({ actor, caseId, alsoSelect: { ...caseDocumentsSelect(documentsPage), ...CASE_REFERRALS_SELECT } });
  const referrals = caseReferralsView({ actor, scope, row, status: details.status });
  return {
    details,
    documents: await listCaseDocuments({ actor, caseId, page: documentsPage, loaded: { row, scope } }),
    referrals,
    answerCandidates: await referralAnswerCandidates({ actor, scope, caseId, status: details.status, row }),
  };
};
