import type { Metadata } from "next";
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
        <table className="w-full border-collapse bg-white text-left">
          <caption className="sr-only">Nämnder med namn och förkortning</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="px-3 py-2">Nämnd</th>
              <th scope="col" className="px-3 py-2">Ändra</th>
            </tr>
          </thead>
          <tbody>
            {committees.map((committee) => (
              <tr key={committee.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="px-3 py-2 font-semibold">
                  {committee.name} <span className="font-normal text-slate-600">({committee.shortName})</span>
                </th>
                <td className="px-3 py-2">
                  <EditCommitteeForm committee={{ id: committee.id, name: committee.name, shortName: committee.shortName, updatedAt: committee.updatedAt.toISOString() }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="mb-3 text-lg font-semibold">Ny nämnd</h3>
          <CreateCommitteeForm />
        </div>
      </section>

      <section aria-labelledby="administrations" className="mt-10 space-y-4">
        <h2 id="administrations" className="text-2xl font-semibold">
          Förvaltningar
        </h2>
        <table className="w-full border-collapse bg-white text-left">
          <caption className="sr-only">Förvaltningar och den nämnd de arbetar åt</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="px-3 py-2">Förvaltning</th>
              <th scope="col" className="px-3 py-2">Arbetar åt</th>
              <th scope="col" className="px-3 py-2">Byt namn</th>
            </tr>
          </thead>
          <tbody>
            {administrations.map((administration) => (
              <tr key={administration.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="px-3 py-2 font-semibold">{administration.name}</th>
                <td className="px-3 py-2">{administration.committee.name}</td>
                <td className="px-3 py-2">
                  <RenameUnitForm kind="administration" unit={{ id: administration.id, name: administration.name, updatedAt: administration.updatedAt.toISOString() }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="mb-3 text-lg font-semibold">Ny förvaltning</h3>
          <CreateAdministrationForm committees={committees.map((committee) => ({ value: committee.id, label: committee.name }))} />
        </div>
      </section>

      <section aria-labelledby="departments" className="mt-10 space-y-4">
        <h2 id="departments" className="text-2xl font-semibold">
          Avdelningar
        </h2>
        <table className="w-full border-collapse bg-white text-left">
          <caption className="sr-only">Avdelningar och deras förvaltning</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="px-3 py-2">Avdelning</th>
              <th scope="col" className="px-3 py-2">Förvaltning</th>
              <th scope="col" className="px-3 py-2">Byt namn</th>
            </tr>
          </thead>
          <tbody>
            {departments.map((department) => (
              <tr key={department.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="px-3 py-2 font-semibold">{department.name}</th>
                <td className="px-3 py-2">{department.administration.name}</td>
                <td className="px-3 py-2">
                  <RenameUnitForm kind="department" unit={{ id: department.id, name: department.name, updatedAt: department.updatedAt.toISOString() }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="mb-3 text-lg font-semibold">Ny avdelning</h3>
          <CreateDepartmentForm administrations={administrations.map((administration) => ({ value: administration.id, label: administration.name }))} />
        </div>
      </section>
    </>
  );
};

export default OrganisationPage;
