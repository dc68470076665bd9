import type { Metadata } from "next";
import { CELL, DataTable, ROW, RowHeaderCell } from "@/components/data-table";
import { AdminPageHeader } from "@/features/admin/components/admin-page-header";
import { CreateAdministrationForm, CreateCommitteeForm, CreateDepartmentForm, EditCommitteeForm, RenameUnitForm } from "@/features/admin/components/organisation-forms";
import { requireAdminPage } from "@/features/admin/require-admin";
import { getOrganisation } from "@/features/admin/server/admin-queries";

export const metadata: Metadata = { title: "Organisation – Administration" };

const OrganisationPage = async () => {
  const { actor, municipality } = await requireAdminPage();
  const { committees, administrations, departments } = await getOrganisation(actor);
  return (
    <>
      <AdminPageHeader
        title="Organisation"
        current="/admin/organisation"
        municipalityName={municipality.name}
        intro="Enheter kan läggas till och byta namn men inte tas bort, eftersom ärenden, roller och diarieserier hänvisar till dem."
      />
      <section aria-labelledby="committees" className="space-y-4">
        <h2 id="committees" className="text-2xl font-semibold">
          Nämnder
        </h2>
        <DataTable caption="Nämnder med namn och förkortning" columns={["Nämnd", "Ändra"]}>
          {committees.map((committee) => (
            <tr key={committee.id} className={ROW}>
              <RowHeaderCell>
                {committee.name} <span className="font-normal text-slate-600">({committee.shortName})</span>
              </RowHeaderCell>
              <td className={CELL}>
                <EditCommitteeForm committee={{ id: committee.id, name: committee.name, shortName: committee.shortName, updatedAt: committee.updatedAt.toISOString() }} />
              </td>
            </tr>
          ))}
        </DataTable>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="mb-3 text-lg font-semibold">Ny nämnd</h3>
          <CreateCommitteeForm />
        </div>
      </section>

      <section aria-labelledby="administrations" className="mt-10 space-y-4">
        <h2 id="administrations" className="text-2xl font-semibold">
          Förvaltningar
        </h2>
        <DataTable caption="Förvaltningar och den nämnd de arbetar åt" columns={["Förvaltning", "Arbetar åt", "Byt namn"]}>
          {administrations.map((administration) => (
            <tr key={administration.id} className={ROW}>
              <RowHeaderCell>{administration.name}</RowHeaderCell>
              <td className={CELL}>{administration.committee.name}</td>
              <td className={CELL}>
                <RenameUnitForm kind="administration" unit={{ id: administration.id, name: administration.name, updatedAt: administration.updatedAt.toISOString() }} />
              </td>
            </tr>
          ))}
        </DataTable>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="mb-3 text-lg font-semibold">Ny förvaltning</h3>
          <CreateAdministrationForm committees={committees.map((committee) => ({ value: committee.id, label: committee.name }))} />
        </div>
      </section>

      <section aria-labelledby="departments" className="mt-10 space-y-4">
        <h2 id="departments" className="text-2xl font-semibold">
          Avdelningar
        </h2>
        <DataTable caption="Avdelningar och deras förvaltning" columns={["Avdelning", "Förvaltning", "Byt namn"]}>
          {departments.map((department) => (
            <tr key={department.id} className={ROW}>
              <RowHeaderCell>{department.name}</RowHeaderCell>
              <td className={CELL}>{department.administration.name}</td>
              <td className={CELL}>
                <RenameUnitForm kind="department" unit={{ id: department.id, name: department.name, updatedAt: department.updatedAt.toISOString() }} />
              </td>
            </tr>
          ))}
        </DataTable>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="mb-3 text-lg font-semibold">Ny avdelning</h3>
          <CreateDepartmentForm administrations={administrations.map((administration) => ({ value: administration.id, label: administration.name }))} />
        </div>
      </section>
    </>
  );
};

export default OrganisationPage;
