// Return comments: the handläggare's list on the start page and the notice at the top of
// the statement editor, shown until the statement is sent for attestation again.
import { Link } from "@/components/link";
import { formatDate } from "@/lib/dates";
import type { OpenReturn } from "../server/attestation-queries";

/** Who returned it, when, and their comment as written. */
const ReturnedBy = ({ item }: { item: OpenReturn }) => (
  <>
    <p className="mt-1">
      Återsänt av {item.returnedByName} den {formatDate(item.returnedAt)} med kommentaren:
    </p>
    <blockquote className="mt-1 border-l-4 border-amber-400 pl-3 whitespace-pre-line">{item.comment}</blockquote>
  </>
);

export const ReturnedStatementsList = ({ items }: { items: OpenReturn[] }) => (
  <ul className="mt-4 space-y-3">
    {items.map((item) => (
      <li key={item.caseId} className="rounded-lg border border-amber-400 bg-amber-50 p-4">
        <Link href={`/arenden/${item.caseId}/tjansteutlatande`} className="font-semibold text-brand-700 underline underline-offset-4">
          {item.caseNumber} {item.caseTitle}
        </Link>
        <ReturnedBy item={item} />
      </li>
    ))}
  </ul>
);

export const ReturnNotice = ({ item }: { item: OpenReturn }) => (
  <section aria-labelledby="return-notice" className="mb-6 rounded-lg border border-amber-400 bg-amber-50 p-4" data-testid="return-notice">
    <h2 id="return-notice" className="text-lg font-bold">
      Tjänsteutlåtandet har skickats tillbaka till dig
    </h2>
    <ReturnedBy item={item} />
    <p className="mt-2 text-sm text-slate-700">Meddelandet visas tills du skickar utlåtandet på attestering igen.</p>
  </section>
);
