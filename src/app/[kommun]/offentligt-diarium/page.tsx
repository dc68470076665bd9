import { Link } from "@/components/link";
import { IgnoredFiltersNotice } from "@/features/diarium/components/ignored-filters-notice";
import { Pager } from "@/components/pager";
import { cursorPageHrefs } from "@/features/diarium/components/pager";
import { PublicDiariumTable } from "@/features/diarium/components/public-diarium-table";
import type { RawSearchParams } from "@/features/diarium/schemas";
import { publicPageMetadata } from "@/features/admin/public-municipality";
import { loadPublicDiariumPage } from "./public-diarium-page";

export const generateMetadata = publicPageMetadata("Offentligt diarium");
// Always current, and never a static build-time snapshot (there is no database at build time).
export const dynamic = "force-dynamic";

const inputClass = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5";

const PublicDiariumPage = async ({ params, searchParams }: { params: Promise<{ kommun: string }>; searchParams: Promise<RawSearchParams> }) => {
  const { municipality, values, invalid, committees, page } = await loadPublicDiariumPage({ kommun: (await params).kommun, searchParams: await searchParams });
  const basePath = `/${municipality.slug}/offentligt-diarium`;
  const { efter: _efter, fore: _fore, ...filters } = values;
  return (
    <section aria-labelledby="public-diarium-heading">
      <h1 id="public-diarium-heading" className="text-3xl font-bold">
        Offentligt diarium
      </h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Handlingar som registrerats hos nämnderna i {municipality.name}, senast registrerade först. För handlingar som omfattas av sekretess visas bara diarienummer,
        datum, riktning och sekretessmarkering.
      </p>
      <IgnoredFiltersNotice invalid={invalid} cursorIgnored={page.cursorIgnored} />
      <form method="get" action={basePath} role="search" aria-label="Sök i diariet" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <div className="grid gap-4 sm:grid-cols-3">
          <div className="sm:col-span-2">
            <label htmlFor="public-q" className="block text-sm font-semibold">
              Sök diarienummer, beskrivning, avsändare eller ärende
            </label>
            <input id="public-q" name="q" type="search" maxLength={200} defaultValue={values.q ?? ""} className={inputClass} />
          </div>
          <div>
            <label htmlFor="public-namnd" className="block text-sm font-semibold">
              Nämnd
            </label>
            <select id="public-namnd" name="namnd" defaultValue={values.namnd ?? ""} className={inputClass}>
              <option value="">Alla nämnder</option>
              {committees.map((committee) => (
                <option key={committee.id} value={committee.id}>
                  {committee.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="mt-4 flex items-center gap-4">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            Sök
          </button>
          <Link href={basePath} className="font-semibold text-brand-700 underline underline-offset-4">
            Rensa
          </Link>
        </div>
      </form>
      {page.rows.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center" role="status">
          Inga handlingar matchar sökningen.
        </p>
      ) : (
        <PublicDiariumTable rows={page.rows} />
      )}
      <Pager {...cursorPageHrefs(basePath, filters, page)} label="Sidor i diariet" />
    </section>
  );
};

export default PublicDiariumPage;
