import type { Metadata } from "next";
import { Link } from "@/components/link";
import { CaseHistoryTable } from "@/features/audit/components/case-history";
import { getCaseHistory } from "@/features/audit/server/case-history";
import { IgnoredFiltersNotice } from "@/features/diarium/components/ignored-filters-notice";
import { PagedList } from "@/components/pager";
import { parseSearchParams, ZPageSearchParamsSchema, type RawSearchParams } from "@/features/diarium/schemas";
import { countOf } from "@/lib/paging";
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
      <PagedList
        page={history.page}
        pages={history.pages}
        size={CASE_HISTORY_PAGE_SIZE}
        shown={history.shown}
        total={history.total}
        one="Händelse"
        many="Händelserna"
        has={`ärendet har ${countOf(history.total, "händelse", "händelser")}`}
        lastLabel="Till de senaste"
        pageHref={pageHref}
        label={`Sidor med händelser i ärende ${history.caseNumber}`}
      >
        <CaseHistoryTable entries={history.entries} caseNumber={history.caseNumber} />
      </PagedList>
    </section>
  );
};

export default CaseHistoryPage;
