import type { Metadata } from "next";
import { CaseView } from "@/features/cases/components/case-view";
import { CoOfficerActions } from "@/features/diarium/components/co-officer-actions";
import { IgnoredFiltersNotice } from "@/features/diarium/components/ignored-filters-notice";
import { parseSearchParams, ZPageSearchParamsSchema, type RawSearchParams } from "@/features/diarium/schemas";
import { CaseDocumentsSection } from "@/features/documents/components/case-documents-section";
import { ReferralTable } from "@/features/referrals/components/referral-table";
import { requireActor } from "@/server/auth";
import { orNotFound } from "@/server/pages";
import { loadCasePage } from "./case-page";

export const metadata: Metadata = { title: "Ärende" };

const CasePage = async ({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> }) => {
  const actor = await requireActor();
  const { id } = await params;
  const { values, invalid } = parseSearchParams(ZPageSearchParamsSchema, await searchParams);
  const { details, documents, referrals, answerCandidates } = await orNotFound(loadCasePage({ actor, caseId: id, documentsPage: values.sida }));
  return (
    <CaseView
      details={details}
      documents={
        <>
          <IgnoredFiltersNotice invalid={invalid} cursorIgnored={false} />
          <CaseDocumentsSection caseId={details.id} view={documents} />
        </>
      }
      referrals={<ReferralTable caseId={details.id} view={referrals} answerCandidates={answerCandidates} today={details.today} />}
      coOfficerActions={
        details.permissions.reassign ? <CoOfficerActions caseId={details.id} version={details.version} coOfficers={details.coOfficers} candidates={details.coOfficerCandidates} /> : null
      }
    />
  );
};

export default CasePage;
