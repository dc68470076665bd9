// The case page's "Handlingar": the case's documents in number order with their files,
// and the form for registering a new one for those allowed. Authorizes itself, so it can
// be placed on any page that shows a case.
import { requireActor } from "@/server/auth";
import { AppError } from "@/server/errors";
import { DIRECTION_LABELS, formatFileSize } from "../format";
import { listCaseDocuments, type CaseDocumentListItem } from "../server/document-queries";
import { AddDocumentForm } from "./add-document-form";
import { formatDate, formatDateOnly } from "@/lib/dates";

const DocumentFiles = ({ document }: { document: CaseDocumentListItem }) => {
  if (document.files.length === 0) return <span className="text-slate-600">Inga filer</span>;
  if (!document.contentVisible) {
    return <span>{document.files.length === 1 ? "1 fil (sekretess)" : `${document.files.length} filer (sekretess)`}</span>;
  }
  return (
    <ul className="space-y-1">
      {document.files.map((file) => (
        <li key={file.id}>
          <a href={`/api/filer/${file.id}`} download className="font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-900">
            {file.fileName}, {formatFileSize(file.size)}
          </a>
        </li>
      ))}
    </ul>
  );
};

export const CaseDocumentsSection = async ({ caseId }: { caseId: string }) => {
  const actor = await requireActor();
  let view;
  try {
    view = await listCaseDocuments({ actor, caseId });
  } catch (error) {
    // The page around this section decides what an unreadable case looks like.
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
  const headingId = `handlingar-${caseId}`;
  return (
    <section aria-labelledby={headingId} className="space-y-6">
      <h2 id={headingId} className="text-2xl font-bold">
        Handlingar
      </h2>
      {view.documents.length === 0 ? (
        <p className="text-slate-700">Inga handlingar är registrerade i ärendet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Handlingar i ärende {view.caseNumber}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">Nummer</th>
                <th scope="col" className="px-3 py-2">Riktning</th>
                <th scope="col" className="px-3 py-2">Handlingens datum</th>
                <th scope="col" className="px-3 py-2">Registrerad</th>
                <th scope="col" className="px-3 py-2">Avsändare/mottagare</th>
                <th scope="col" className="px-3 py-2">Beskrivning</th>
                <th scope="col" className="px-3 py-2">Filer</th>
              </tr>
            </thead>
            <tbody>
              {view.documents.map((document) => (
                <tr key={document.id} className="border-t border-slate-200 align-top">
                  <th scope="row" className="whitespace-nowrap px-3 py-2 font-semibold">
                    {document.documentNumber}
                  </th>
                  <td className="px-3 py-2">{DIRECTION_LABELS[document.direction]}</td>
                  <td className="whitespace-nowrap px-3 py-2">{formatDateOnly(document.documentDate)}</td>
                  <td className="whitespace-nowrap px-3 py-2">{formatDate(document.registeredAt)}</td>
                  <td className="px-3 py-2">
                    {document.contentVisible ? (document.counterpart ?? "–") : <span className="italic">Sekretess</span>}
                  </td>
                  <td className="px-3 py-2">
                    {document.contentVisible ? (
                      <>
                        {document.description}
                        {document.secrecyReference ? <span className="mt-1 block text-xs font-semibold text-red-800">Sekretess enligt {document.secrecyReference}</span> : null}
                      </>
                    ) : (
                      <span className="italic">Sekretess enligt {document.secrecyReference}</span>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    <DocumentFiles document={document} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.canAdd && !view.closed ? <AddDocumentForm caseId={caseId} today={formatDate(new Date())} /> : null}
      {view.canAdd && view.closed ? <p className="text-slate-700">Ärendet är avslutat. Nya handlingar kan inte registreras.</p> : null}
    </section>
  );
};
