import type { Metadata } from "next";
import { IgnoredFiltersNotice } from "@/features/diarium/components/ignored-filters-notice";
import { Pager } from "@/components/pager";
import { toQueryString, type RawSearchParams } from "@/features/diarium/schemas";
import { SearchForm, SearchResults } from "@/features/search/components";
import { requireActor } from "@/server/auth";
import { loadSearchPage } from "./search-page";

export const metadata: Metadata = { title: "Sök" };

const SearchPage = async ({ searchParams }: { searchParams: Promise<RawSearchParams> }) => {
  const actor = await requireActor();
  const { values, invalid, options, result } = await loadSearchPage({ actor, searchParams: await searchParams });
  const { sida: _sida, ...filters } = values;
  const pageHref = (page: number) => `/sok${toQueryString({ ...filters, sida: page > 1 ? page : undefined })}`;
  return (
    <section aria-labelledby="search-heading">
      <h1 id="search-heading" className="text-3xl font-bold">
        Sök
      </h1>
      <p className="mt-2 text-slate-700">Sök bland ärenden som du har behörighet att se. Ord hittas i alla böjningsformer; diarienummer kan skrivas som ”HÄS 2024/123”, ”2024/123” eller ”123/2024”.</p>
      <IgnoredFiltersNotice invalid={invalid} cursorIgnored={false} />
      <SearchForm options={options} values={values} />
      {values.q ? (
        result.results.length === 0 ? (
          <p className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center" role="status">
            Inga träffar.
          </p>
        ) : (
          <>
            {result.narrowed ? (
              <p role="note" className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950" data-testid="search-narrowed">
                Sökorden finns i mycket många ärenden. Här visas de bästa träffarna bland de senast registrerade ärendena. Vill du söka längre tillbaka? Välj år, nämnd eller ett annat
                filter, eller lägg till fler ord.
              </p>
            ) : null}
            <SearchResults results={result.results} />
          </>
        )
      ) : null}
      <Pager prevHref={result.page > 1 ? pageHref(result.page - 1) : null} nextHref={result.hasNextPage ? pageHref(result.page + 1) : null} label="Sidor med sökträffar" />
    </section>
  );
};

export default SearchPage;
