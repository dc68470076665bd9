import type { Metadata } from "next";
import { CaseView } from "@/features/cases/components/case-view";
import { CoOfficerActions } from "@/features/diarium/components/co-officer-actions";
import { CaseDocumentsSection } from "@/features/documents/components/case-documents-section";
import { ReferralTable } from "@/features/referrals/components/referral-table";
import { requireActor } from "@/server/auth";
import { orNotFound } from "@/server/pages";
import { loadCasePage } from "./case-page";

export const metadata: Metadata = { title: "Ärende" };

const CasePage = async ({ params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  const { details, documents, referrals } = await orNotFound(loadCasePage({ actor, caseId: id }));
  const answered = new Set(referrals.rows.flatMap((row) => (row.answer ? [row.answer.documentId] : [])));
  // An external answer is first registered as an incoming handling, then recorded against its instans.
  const answerCandidates = documents.documents
    .filter((document) => document.direction === "INCOMING" && !answered.has(document.id))
    .map((document) => ({ id: document.id, documentNumber: document.documentNumber, description: document.description }));
  return (
    <CaseView
      details={details}
      documents={<CaseDocumentsSection caseId={details.id} view={documents} />}
      referrals={<ReferralTable caseId={details.id} view={referrals} answerCandidates={answerCandidates} today={details.today} />}
      coOfficerActions={
        details.permissions.reassign ? <CoOfficerActions caseId={details.id} version={details.version} coOfficers={details.coOfficers} candidates={details.coOfficerCandidates} /> : null
      }
    />
  );
};

export default CasePage;
