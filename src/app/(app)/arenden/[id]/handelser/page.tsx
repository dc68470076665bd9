import type { Metadata } from "next";
import { Link, LINK_CLASS } from "@/components/link";
import { CaseHistoryTable } from "@/features/audit/components/case-history";
import { getCaseHistory } from "@/features/audit/server/case-history";
import { IgnoredFiltersNotice } from "@/features/diarium/components/ignored-filters-notice";
import { PastLastPage, Pager } from "@/components/pager";
import { parseSearchParams, ZPageSearchParamsSchema, type RawSearchParams } from "@/features/diarium/schemas";
import { countOf, shownRange } from "@/lib/paging";
import { CASE_HISTORY_PAGE_SIZE, caseHistoryHref } from "@/server/audit-actions";
import { requireActor } from "@/server/auth";
import { orNotFound } from "@/server/pages";

export const metadata: Metadata = { title: "Händelser" };

/** A case's events, oldest first, a page at a time (`?sida=`) once they fill more than one. */
const CaseHistoryPage = async ({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> }) => {
  const actor = await requireActor();
  const { id } = await params;
  const { values, invalid } = parseSearchParams(ZPageSearchParamsSchema, await searchParams);
  const history = await orNotFound(getCaseHistory({ actor, caseId: id, page: values.sida }));
  const pageHref = (page: number) => caseHistoryHref(history.caseId, page);
  const paged = history.total > 0 && (history.pages > 1 || history.page > 1);
  return (
    <section aria-labelledby="history-heading">
      <p className="text-sm">
        <Link href={`/arenden/${history.caseId}`} className="underline">
          {history.caseNumber}
        </Link>
      </p>
      <h1 id="history-heading" className="text-3xl font-bold">
        Händelser
      </h1>
      <p className="mt-1 text-slate-700">{history.title}</p>
      <IgnoredFiltersNotice invalid={invalid} cursorIgnored={false} />
      {paged ? (
        history.shown === 0 ? (
          <PastLastPage page={history.page} has={`ärendet har ${countOf(history.total, "händelse", "händelser")}`} firstHref={pageHref(1)} />
        ) : (
          <p className="mt-4">
            {history.shown === 1 ? "Händelse" : "Händelserna"} {shownRange(history.page, CASE_HISTORY_PAGE_SIZE, history.shown)} av {history.total} visas.{" "}
            {history.page < history.pages ? (
              <Link href={pageHref(history.pages)} className={LINK_CLASS}>
                Till de senaste
              </Link>
            ) : null}
          </p>
        )
      ) : null}
      {history.shown > 0 || !paged ? <CaseHistoryTable entries={history.entries} caseNumber={history.caseNumber} /> : null}
      {paged && history.shown > 0 ? (
        <Pager
          prevHref={history.page > 1 ? pageHref(history.page - 1) : null}
          nextHref={history.page < history.pages ? pageHref(history.page + 1) : null}
          label={`Sidor med händelser i ärende ${history.caseNumber}`}
        />
      ) : null}
    </section>
  );
};

export default CaseHistoryPage;
