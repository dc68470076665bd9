import { FormPanel } from "@/components/form";
import type { Metadata } from "next";
import { CELL, DataTable, ROW, RowHeaderCell } from "@/components/data-table";
import { AdminPageHeader } from "@/features/admin/components/admin-page-header";
import { CreateSeriesForm, EditSeriesForm, NextSerialForm } from "@/features/admin/components/series-forms";
import { requireAdminPage } from "@/features/admin/require-admin";
import { listRegistrySeries } from "@/features/admin/server/admin-queries";

export const metadata: Metadata = { title: "Diarieserier – Administration" };

const RegistrySeriesPage = async () => {
  const { actor, municipality } = await requireAdminPage();
  const committees = await listRegistrySeries(actor);
  const withoutSeries = committees.filter((committee) => !committee.registrySeries);
  return (
    <>
      <AdminPageHeader
        title="Diarieserier"
        current="/admin/diarieserier"
        municipalityName={municipality.name}
        intro="Varje nämnd har en diarieserie. Ett ändrat format gäller ärenden som registreras efteråt; diarienummer som redan har getts ändras aldrig."
      />
      <div className="space-y-8">
        {committees
          .filter((committee) => committee.registrySeries)
          .map((committee) => {
            const series = committee.registrySeries!;
            return (
              <section key={committee.id} aria-labelledby={`series-${committee.id}`} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
                <h2 id={`series-${committee.id}`} className="text-2xl font-semibold">
                  {committee.name}
                </h2>
                {committee.next ? (
                  <p className="rounded bg-slate-50 px-3 py-2" data-testid="series-next">
                    Nästa diarienummer {committee.next.year}: <strong>{committee.next.caseNumber}</strong>
                    {committee.next.classCode ? ` (med klass ${committee.next.classCode}; klassen följer ärendets klassificering)` : null}
                  </p>
                ) : null}
                <EditSeriesForm
                  series={{
                    id: series.id,
                    updatedAt: series.updatedAt.toISOString(),
                    committeeName: committee.name,
                    name: series.name,
                    format: series.format,
                    prefix: series.prefix,
                    seqPadding: series.seqPadding,
                    documentNumberFormat: series.documentNumberFormat,
                  }}
                />
                {committee.next ? <NextSerialForm seriesId={series.id} committeeName={committee.name} year={committee.next.year} nextSerial={committee.next.sequence} /> : null}
                <DataTable caption="Senast givna nummer per år" captionVisible columns={["År", "Senaste löpnummer"]}>
                  {series.counters.length === 0 ? (
                    <tr className={ROW}>
                      <td colSpan={2} className={`text-slate-600 ${CELL}`}>
                        Inga nummer har getts ännu.
                      </td>
                    </tr>
                  ) : (
                    series.counters.map((counter) => (
                      <tr key={counter.year} className={ROW}>
                        <RowHeaderCell>{counter.year}</RowHeaderCell>
                        <td className={CELL}>{counter.lastValue}</td>
                      </tr>
                    ))
                  )}
                </DataTable>
              </section>
            );
          })}
        <FormPanel id="new-series" title="Ny diarieserie">
          {withoutSeries.length === 0 ? (
            <p className="text-slate-700">Alla nämnder har en diarieserie.</p>
          ) : (
            <CreateSeriesForm committees={withoutSeries.map((committee) => ({ value: committee.id, label: `${committee.name} (${committee.shortName})` }))} />
          )}
        </FormPanel>
      </div>
    </>
  );
};

export default RegistrySeriesPage;
