import type { Metadata } from "next";
import { Link } from "@/components/link";
import { STATEMENT_STATUS_LABELS } from "@/features/statements/labels";
import { getStatementPreview } from "@/features/statements/server/statement-queries";
import { DocumentView } from "@/features/exports/components/document-view";
import { ExportButtons } from "@/components/export-buttons";
import { loadStatementDocument } from "@/features/exports/server/statement-export";
import { requireActor } from "@/server/auth";
import { orNotFound } from "@/server/pages";

export const metadata: Metadata = { title: "Förhandsgranska tjänsteutlåtande" };

const PreviewPage = async ({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ version?: string }> }) => {
  const [{ id }, { version }] = await Promise.all([params, searchParams]);
  const actor = await requireActor();
  const number = version && /^\d{1,9}$/.test(version) ? Number(version) : undefined;
  const data = await orNotFound(getStatementPreview({ actor, caseId: id, version: number }));
  const view = await loadStatementDocument({ actor, statementId: data.statementId, version: data.version });
  return (
    <div>
      <p className="flex flex-wrap gap-4 text-sm">
        <Link href={`/arenden/${data.caseId}/tjansteutlatande`} className="text-brand-700 underline">
          Tillbaka till tjänsteutlåtandet
        </Link>
        <Link href={`/arenden/${data.caseId}/tjansteutlatande/historik`} className="text-brand-700 underline">
          Versionshistorik
        </Link>
      </p>
      <h1 className="sr-only">Förhandsgranskning av tjänsteutlåtande {data.caseNumber}</h1>
      <p className="mt-2 mb-4 text-slate-700" role="status">
        Förhandsgranskning av version {data.version}
        {data.version !== data.currentVersion ? ` (senaste är version ${data.currentVersion})` : ""} · {STATEMENT_STATUS_LABELS[data.status]}
      </p>
      <div className="mb-4">
        <ExportButtons kind="statement" id={data.statementId} version={data.version} draft={!view.attested} />
      </div>
      <DocumentView document={view.document} />
    </div>
  );
};

export default PreviewPage;
