import { Link } from "@/components/link";
import { CASE_KIND_LABELS } from "@/features/cases/labels";
import { CASE_STATUS_LABELS } from "@/features/diarium/labels";
import { caseDocumentHref } from "@/features/documents/format";
import { formatDateOnly } from "@/lib/dates";
import { snippetParts } from "@/lib/snippet";
import type { SearchHitSource, SearchResult } from "../server/search";

const SOURCE_LABELS: Record<SearchHitSource, string> = {
  CASE_NUMBER: "Diarienummer",
  CASE: "Ärendet",
  MOTION: "Motionen",
  STATEMENT: "Tjänsteutlåtandet",
  DOCUMENT: "Handling",
  FILE: "Fil",
};

/** A snippet with its hits marked; the text is rendered as text, never as HTML. */
const Snippet = ({ snippet }: { snippet: string }) => (
  <p className="mt-2 text-slate-800">
    {snippetParts(snippet).map((part, index) =>
      part.hit ? (
        <mark key={index} className="rounded bg-yellow-200 px-0.5">
          {part.text}
        </mark>
      ) : (
        <span key={index}>{part.text}</span>
      ),
    )}
  </p>
);

export const SearchResults = ({ results }: { results: SearchResult[] }) => (
  <ol className="mt-6 space-y-4" aria-label="Sökträffar">
    {results.map((result) => (
      <li key={result.caseId} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="search-result">
        <p className="text-sm text-slate-600">
          {result.caseNumber} · {result.committeeShortName} · {CASE_KIND_LABELS[result.kind]} · {CASE_STATUS_LABELS[result.status]} · inkom {formatDateOnly(result.receivedDate)} · {result.caseOfficerName}
        </p>
        <h2 className="text-lg font-semibold">
          <Link href={`/arenden/${result.caseId}`} className="text-brand-700 underline underline-offset-4">
            {result.title}
          </Link>
        </h2>
        <p className="text-sm text-slate-600">
          Träff i: {SOURCE_LABELS[result.source]}
          {result.sourceLabel ? " " : null}
          {result.document ? (
            <Link href={caseDocumentHref(result.caseId, result.document.number, result.document.id)} className="underline underline-offset-2">
              {result.sourceLabel}
            </Link>
          ) : (
            result.sourceLabel
          )}
        </p>
        {result.snippet ? <Snippet snippet={result.snippet} /> : null}
      </li>
    ))}
  </ol>
);
