// The case page's "Handlingar": the case's documents in number order with their files, a
// page at a time (`?sida=`) once there are more than CASE_DOCUMENTS_PAGE_SIZE, and the form
// for registering a new one for those allowed. `view` is listCaseDocuments', which
// authorized the actor from the case.
import { CELL, DataTable, ROW } from "@/components/data-table";
import { PagedList } from "@/components/pager";
import { CASE_DOCUMENTS_PAGE_SIZE, caseDocumentsPageHref, DIRECTION_LABELS, formatFileSize } from "../format";
import type { CaseDocumentListItem, CaseDocumentsView } from "../server/document-queries";
import { AddDocumentForm } from "./add-document-form";
import { formatDate, formatDateOnly } from "@/lib/dates";
import { countOf } from "@/lib/paging";

/** The attested or sent PDF/A is stored by the worker a moment after the handling is registered. */
const RecordStatus = ({ records }: { records: CaseDocumentListItem["records"] }) => (
  <>
    {records.pending > 0 && <p className="text-slate-600">Dokumentet (PDF/A) sparas som fil. Läs in sidan igen om en stund.</p>}
    {records.failures.map((failure) => (
      <p key={failure} className="text-red-800">
        Dokumentet kunde inte sparas som fil: {failure}
      </p>
    ))}
  </>
);

const DocumentFiles = ({ document }: { document: CaseDocumentListItem }) => {
  if (document.files.length === 0) {
    return document.records.pending > 0 || document.records.failures.length > 0 ? <RecordStatus records={document.records} /> : <span className="text-slate-600">Inga filer</span>;
  }
  if (!document.contentVisible) {
    return <span>{document.files.length === 1 ? "1 fil (sekretess)" : `${document.files.length} filer (sekretess)`}</span>;
  }
  return (
    <>
      <ul className="space-y-1">
        {document.files.map((file) => (
          <li key={file.id}>
            <a href={`/api/filer/${file.id}`} download className="font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-900">
              {file.fileName}, {formatFileSize(file.size)}
            </a>
          </li>
        ))}
      </ul>
      <RecordStatus records={document.records} />
    </>
  );
};

export const CaseDocumentsSection = ({ caseId, view }: { caseId: string; view: CaseDocumentsView }) => {
  const headingId = `handlingar-${caseId}`;
  const pageHref = (page: number) => caseDocumentsPageHref(caseId, page, headingId);
  return (
    <section aria-labelledby={headingId} className="space-y-6">
      <h2 id={headingId} className="text-2xl font-bold">
        Handlingar
      </h2>
      {view.total === 0 ? (
        <p className="text-slate-700">Inga handlingar är registrerade i ärendet.</p>
      ) : (
        <PagedList
          page={view.page}
          pages={view.pages}
          size={CASE_DOCUMENTS_PAGE_SIZE}
          shown={view.documents.length}
          total={view.total}
          one="Handling"
          many="Handlingarna"
          has={`ärendet har ${countOf(view.total, "handling", "handlingar")}`}
          lastLabel="Till de senast registrerade"
          pageHref={pageHref}
          label={`Sidor med handlingar i ärende ${view.caseNumber}`}
        >
          <DataTable
            caption={`Handlingar i ärende ${view.caseNumber}`}
            columns={["Nummer", "Riktning", "Handlingens datum", "Registrerad", "Avsändare/mottagare", "Beskrivning", "Filer"]}
          >
            {view.documents.map((document) => (
              <tr key={document.id} id={`handling-${document.id}`} className={ROW}>
                <th scope="row" className={`whitespace-nowrap font-semibold ${CELL}`}>
                  {document.documentNumber}
                </th>
                <td className={CELL}>{DIRECTION_LABELS[document.direction]}</td>
                <td className={`whitespace-nowrap ${CELL}`}>{formatDateOnly(document.documentDate)}</td>
                <td className={`whitespace-nowrap ${CELL}`}>{formatDate(document.registeredAt)}</td>
                <td className={CELL}>{document.contentVisible ? (document.counterpart ?? "–") : <span className="italic">Sekretess</span>}</td>
                <td className={CELL}>
                  {document.contentVisible ? (
                    <>
                      {document.description}
                      {document.secrecyReference ? <span className="mt-1 block text-xs font-semibold text-red-800">Sekretess enligt {document.secrecyReference}</span> : null}
                    </>
                  ) : (
                    <span className="italic">Sekretess enligt {document.secrecyReference}</span>
                  )}
                </td>
                <td className={CELL}>
                  <DocumentFiles document={document} />
                </td>
              </tr>
            ))}
          </DataTable>
        </PagedList>
      )}
      {view.canAdd && !view.closed ? <AddDocumentForm caseId={caseId} today={formatDate(new Date())} page={view.page} /> : null}
      {view.canAdd && view.closed ? <p className="text-slate-700">Ärendet är avslutat. Nya handlingar kan inte registreras.</p> : null}
    </section>
  );
};
