import type { Metadata } from "next";
import { CaseView } from "@/features/cases/components/case-view";
import { getCaseDetails } from "@/features/cases/server/case-queries";
import { CoOfficerActions } from "@/features/diarium/components/co-officer-actions";
import { CaseDocumentsSection } from "@/features/documents/components/case-documents-section";
import { requireActor } from "@/server/auth";
import { orNotFound } from "@/server/pages";

export const metadata: Metadata = { title: "Ärende" };

const CasePage = async ({ params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  const details = await orNotFound(getCaseDetails({ actor, caseId: id }));
  return (
    <CaseView
      details={details}
      documents={<CaseDocumentsSection caseId={details.id} />}
      coOfficerActions={
        details.permissions.reassign ? <CoOfficerActions caseId={details.id} version={details.version} coOfficers={details.coOfficers} candidates={details.coOfficerCandidates} /> : null
      }
    />
  );
};

export default CasePage;
