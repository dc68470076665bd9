// Download links for a tjänsteutlåtande. Plain links (no client JavaScript): the route
// handler authorizes, and the browser saves the attachment. Usable from server and
// client components alike.
type ExportButtonsProps = {
  statementId: string;
  /** False while the content is not attested: the files then carry "UTKAST". */
  attested?: boolean;
};

const linkClass =
  "inline-flex items-center gap-2 rounded border border-slate-400 bg-white px-3 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700";

export const ExportButtons = ({ statementId, attested }: ExportButtonsProps) => {
  const base = `/api/export/statement/${encodeURIComponent(statementId)}`;
  const suffix = attested === false ? " (utkast)" : "";
  return (
    <div role="group" aria-label="Ladda ner tjänsteutlåtandet" className="flex flex-wrap items-center gap-2">
      <a href={`${base}?format=pdf`} download className={linkClass}>
        Ladda ner PDF{suffix}
      </a>
      <a href={`${base}?format=docx`} download className={linkClass}>
        Ladda ner Word{suffix}
      </a>
      {attested === false ? <p className="text-sm text-slate-700">Inte attesterat: filerna är märkta UTKAST.</p> : null}
    </div>
  );
};
