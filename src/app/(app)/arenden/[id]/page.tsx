import type { Metadata } from "next";
import { CaseView } from "@/features/cases/components/case-view";
import { CoOfficerActions } from "@/features/diarium/components/co-officer-actions";
import { CaseDocumentsSection } from "@/features/documents/components/case-documents-section";
import { requireActor } from "@/server/auth";
import { orNotFound } from "@/server/pages";
import { loadCasePage } from "./case-page";

export const metadata: Metadata = { title: "Ärende" };

const CasePage = async ({ params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  const { details, documents } = await orNotFound(loadCasePage({ actor, caseId: id }));
  return (
    <CaseView
      details={details}
      documents={<CaseDocumentsSection caseId={details.id} view={documents} />}
      coOfficerActions={
        details.permissions.reassign ? <CoOfficerActions caseId={details.id} version={details.version} coOfficers={details.coOfficers} candidates={details.coOfficerCandidates} /> : null
      }
    />
  );
};

export default CasePage;
