// Download links for an exported document: tjänsteutlåtande, föredragningslista, protokoll,
// protokollsutdrag or remissmissiv. Plain links (no client JavaScript): the route handler authorizes,
// and the browser saves the attachment. Usable from server and client components alike.
// No `download` attribute: the file's Content-Disposition: attachment already saves it,
// while a refusal (401, 404, 409) is a short Swedish text the browser then shows — with
// the attribute the browser would save or fail it as a download and the message be lost.
// Shared UI: the statement and meeting pages of several features link to the exports.

/** The kinds of downloadable documents; each has its route under /api/export/{kind}/{id}. */
type TExportKind = "statement" | "agenda" | "minutes" | "extract" | "referral";

type ExportButtonsProps = {
  kind: TExportKind;
  /** The id the kind's route takes: statement, meeting, minutes, decision, or remiss sending/instans. */
  id: string;
  /** True while the files carry "UTKAST" (not attested, not published, not justerat). */
  draft?: boolean;
  /** A statement's stored version, when the page shows one other than the default. */
  version?: number;
};

const KINDS: Record<TExportKind, { label: string; draftNote: string }> = {
  statement: { label: "Ladda ner tjänsteutlåtandet", draftNote: "Inte attesterat: filerna är märkta UTKAST." },
  agenda: { label: "Ladda ner föredragningslistan", draftNote: "Föredragningslistan är inte publicerad: filerna är märkta UTKAST." },
  minutes: { label: "Ladda ner protokollet", draftNote: "Protokollet är inte justerat: filerna är märkta UTKAST." },
  extract: { label: "Ladda ner protokollsutdraget", draftNote: "Protokollet är inte justerat: filerna är märkta UTKAST." },
  // A missiv is frozen when it is sent: never a draft.
  referral: { label: "Ladda ner remissmissivet", draftNote: "" },
};

const linkClass =
  "inline-flex items-center gap-2 rounded border border-slate-400 bg-white px-3 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700";

export const ExportButtons = ({ kind, id, draft = false, version }: ExportButtonsProps) => {
  const base = `/api/export/${kind}/${encodeURIComponent(id)}`;
  const versionQuery = version === undefined ? "" : `&version=${version}`;
  const { label, draftNote } = KINDS[kind];
  const suffix = draft ? " (utkast)" : "";
  return (
    <div role="group" aria-label={label} className="flex flex-wrap items-center gap-2" data-testid={`export-${kind}`}>
      <a href={`${base}?format=pdf${versionQuery}`} className={linkClass}>
        Ladda ner PDF{suffix}
      </a>
      <a href={`${base}?format=docx${versionQuery}`} className={linkClass}>
        Ladda ner Word{suffix}
      </a>
      {draft ? <p className="text-sm text-slate-700">{draftNote}</p> : null}
    </div>
  );
};
