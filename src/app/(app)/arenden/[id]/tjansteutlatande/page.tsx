import type { Metadata } from "next";
import { Link } from "@/components/link";
import { ReturnNotice } from "@/features/attestation/components/returned-statements";
import { DocumentView } from "@/features/exports/components/document-view";
import { CreateStatementForm } from "@/features/statements/components/create-statement-form";
import { StatementEditor } from "@/features/statements/components/statement-editor";
import { STATEMENT_STATUS_LABELS } from "@/features/statements/labels";
import { requireActor } from "@/server/auth";
import { orNotFound } from "@/server/pages";
import { loadStatementPage } from "./statement-page";

export const metadata: Metadata = { title: "Tjänsteutlåtande" };

const StatementPage = async ({ params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const actor = await requireActor();
  const { data, editable, openReturn, readOnly } = await orNotFound(loadStatementPage({ actor, caseId: id }));
  const statement = data.statement;
  return (
    <div>
      <p className="text-sm">
        <Link href={`/arenden/${data.caseId}`} className="text-brand-700 underline">
          Tillbaka till ärendet {data.caseNumber}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Tjänsteutlåtande</h1>
      <p className="mt-1 text-slate-700">
        {data.caseNumber} · {data.caseTitle}
        {statement ? ` · ${STATEMENT_STATUS_LABELS[statement.status]} · version ${statement.version}, sparad av ${statement.savedBy}` : null}
      </p>
      <div className="mt-6">
        {!statement ? (
          data.canEdit && data.caseOpen && data.documents ? (
            <CreateStatementForm caseId={data.caseId} documents={data.documents} templates={data.templates} />
          ) : (
            <p className="rounded border border-dashed border-slate-300 bg-white p-6">Ärendet har inget tjänsteutlåtande ännu.</p>
          )
        ) : editable && data.documents ? (
          <>
            {openReturn ? <ReturnNotice item={openReturn} /> : null}
            <StatementEditor
              caseId={data.caseId}
              statementId={statement.id}
              version={statement.version}
              content={statement.content}
              definition={statement.definition}
              documents={data.documents}
              missingRequired={statement.missingRequired}
            />
          </>
        ) : (
          <>
            <p className="mb-4 rounded border border-slate-300 bg-slate-100 p-3" role="status">
              {statement.status !== "DRAFT"
                ? "Tjänsteutlåtandet är skickat på attestering och kan inte ändras. Det måste först återkallas."
                : "Du kan läsa tjänsteutlåtandet. Bara ärendets handläggare kan ändra det."}{" "}
              <Link href={`/arenden/${data.caseId}/tjansteutlatande/historik`} className="font-semibold text-brand-700 underline">
                Versionshistorik
              </Link>
            </p>
            {readOnly ? <DocumentView document={readOnly.document} /> : null}
          </>
        )}
      </div>
    </div>
  );
};

export default StatementPage;
