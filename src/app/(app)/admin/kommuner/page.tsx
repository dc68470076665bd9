import { FormPanel } from "@/components/form";
import type { Metadata } from "next";
import { Link, LINK_CLASS } from "@/components/link";
import { CELL, DataTable, ROW } from "@/components/data-table";
import { CreateMunicipalityForm } from "@/features/admin/components/municipality-forms";
import { requireInstallationAdminPage } from "@/features/admin/require-admin";
import { listMunicipalities } from "@/features/admin/server/municipality-service";
import { formatDate } from "@/lib/dates";

export const metadata: Metadata = { title: "Kommuner – Administration" };


const MunicipalitiesPage = async () => {
  const { actor } = await requireInstallationAdminPage();
  const municipalities = await listMunicipalities(actor);
  return (
    <>
      <nav aria-label="Administration" className="mb-4 text-sm">
        <Link href="/admin" className={LINK_CLASS}>
          Administration
        </Link>
      </nav>
      <h1 className="text-3xl font-bold">Kommuner</h1>
      <p className="mt-2 mb-6 max-w-3xl text-slate-700">
        Installationens kommuner. Varje kommun har egna administratörer, egen organisation, egna diarieserier, mallar, utkorg och offentliga sidor; inget
        av en kommuns innehåll syns i en annan.
      </p>
      <DataTable caption={`${municipalities.length} kommuner`} captionVisible columns={["Kommun", "Offentliga sidor", "Administratörer", "Skapad", "Inställningar"]}>
        {municipalities.map((municipality) => (
          <tr key={municipality.id} className={ROW}>
            <th scope="row" className={`font-semibold ${CELL}`}>
              {municipality.name}
            </th>
            <td className={CELL}>
              <Link href={`/${municipality.slug}/offentligt`} className={LINK_CLASS}>
                /{municipality.slug}/offentligt
              </Link>
            </td>
            <td className={CELL}>{municipality.admins.map((admin) => `${admin.name} (${admin.username})`).join(", ") || "Ingen"}</td>
            <td className={`whitespace-nowrap ${CELL}`}>{formatDate(municipality.createdAt)}</td>
            <td className={CELL}>
              <Link href={`/admin/kommuner/${encodeURIComponent(municipality.id)}`} className={LINK_CLASS} aria-label={`Inställningar för ${municipality.name}`}>
                Ändra
              </Link>
            </td>
          </tr>
        ))}
      </DataTable>
      <FormPanel id="new-municipality" title="Ny kommun" className="mt-10">
        <CreateMunicipalityForm />
      </FormPanel>
    </>
  );
};

export default MunicipalitiesPage;
