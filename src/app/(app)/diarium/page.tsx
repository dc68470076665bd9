import type { Metadata } from "next";
import { DiariumFilterForm } from "@/features/diarium/components/diarium-filter-form";
import { DiariumTable } from "@/features/diarium/components/diarium-table";
import { IgnoredFiltersNotice } from "@/features/diarium/components/ignored-filters-notice";
import { Pager } from "@/components/pager";
import { cursorPageHrefs } from "@/features/diarium/components/pager";
import type { RawSearchParams } from "@/features/diarium/schemas";
import { requireActor } from "@/server/auth";
import { loadDiariumPage } from "./diarium-page";

export const metadata: Metadata = { title: "Diarium" };

const DiariumPage = async ({ searchParams }: { searchParams: Promise<RawSearchParams> }) => {
  const actor = await requireActor();
  const { values, invalid, options, page } = await loadDiariumPage({ actor, searchParams: await searchParams });
  const { efter: _efter, fore: _fore, ...filters } = values;
  return (
    <section aria-labelledby="diarium-heading">
      <h1 id="diarium-heading" className="text-3xl font-bold">
        Diarium
      </h1>
      <p className="mt-2 text-slate-700">Ärenden som du har behörighet att se.</p>
      <IgnoredFiltersNotice invalid={invalid} cursorIgnored={page.cursorIgnored} />
      <DiariumFilterForm options={options} values={values} />
      {page.rows.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center" role="status">
          Inga ärenden matchar filtret.
        </p>
      ) : (
        <DiariumTable rows={page.rows} caption="Ärenden i diariet" />
      )}
      <Pager {...cursorPageHrefs("/diarium", filters, page)} label="Sidor i diariet" />
    </section>
  );
};

export default DiariumPage;
