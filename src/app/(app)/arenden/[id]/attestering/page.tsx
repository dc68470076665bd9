import type { Metadata } from "next";
import { Link } from "@/components/link";
import { CaseAttestationPanel } from "@/features/attestation/components/case-attestation-panel";
import { getCaseAttestationView } from "@/features/attestation/server/attestation-queries";
import { DocumentView } from "@/features/exports/components/document-view";
import { ExportButtons } from "@/components/export-buttons";
import { loadStatementDocument } from "@/features/exports/server/statement-export";
import { requireActor } from "@/server/auth";
import { orNotFound } from "@/server/pages";

export const metadata: Metadata = { title: "Attestering" };

const AttestationPage = async ({ params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  const view = await orNotFound(getCaseAttestationView({ actor, caseId: id }));
  // The version the attester reads, drawn from the same document model as its PDF.
  const shown = view.statement && view.version ? await loadStatementDocument({ actor, statementId: view.statement.id, version: view.version.number }) : null;
  return (
    <section aria-labelledby="attestation-heading">
      <p className="text-sm">
        <Link href={`/arenden/${view.caseId}`} className="underline">
          {view.caseNumber}
        </Link>
      </p>
      <h1 id="attestation-heading" className="text-3xl font-bold">
        Attestering av tjänsteutlåtande
      </h1>
      <p className="mt-1 mb-6 text-slate-700">{view.caseTitle}</p>
      <CaseAttestationPanel
        view={view}
        document={
          shown ? (
            <>
              <div className="mb-4">
                <ExportButtons kind="statement" id={shown.statementId} version={shown.versionNumber} draft={!shown.attested} />
              </div>
              <DocumentView document={shown.document} />
            </>
          ) : null
        }
      />
    </section>
  );
};

export default AttestationPage;
