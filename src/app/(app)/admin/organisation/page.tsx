import { FormPanel } from "@/components/form";
import type { Metadata } from "next";
import { Link } from "@/components/link";
import { CELL, DataTable, ROW, RowHeaderCell } from "@/components/data-table";
import { AdminPageHeader } from "@/features/admin/components/admin-page-header";
import { CreateAdministrationForm, CreateCommitteeForm, CreateDepartmentForm, EditCommitteeForm, RenameUnitForm } from "@/features/admin/components/organisation-forms";
import { requireAdminPage } from "@/features/admin/require-admin";
import { COMMITTEE_KIND_LABELS, SUB_COMMITTEE_KINDS } from "@/features/admin/committees";
import { getOrganisation } from "@/features/admin/server/admin-queries";

export const metadata: Metadata = { title: "Organisation – Administration" };

const OrganisationPage = async () => {
  const { actor, municipality } = await requireAdminPage();
  const { committees, administrations, departments } = await getOrganisation(actor);
  // An utskott or a beredning belongs to a committee that is not itself one.
  const parents = committees.filter((committee) => !SUB_COMMITTEE_KINDS.includes(committee.kind)).map((committee) => ({ value: committee.id, label: committee.name }));
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
        <DataTable caption="Nämnder med typ, förkortning och ledamöter" columns={["Nämnd", "Typ", "Ledamöter", "Ändra"]}>
          {committees.map((committee) => (
            <tr key={committee.id} className={ROW}>
              <RowHeaderCell>
                {committee.name} <span className="font-normal text-slate-600">({committee.shortName})</span>
              </RowHeaderCell>
              <td className={CELL}>
                {COMMITTEE_KIND_LABELS[committee.kind]}
                {committee.parent ? <span className="block text-slate-600">under {committee.parent.name}</span> : null}
              </td>
              <td className={CELL}>
                <Link href={`/admin/organisation/${committee.id}/ledamoter`} className="font-semibold text-brand-700 underline">
                  Ledamöter<span className="sr-only"> i {committee.name}</span>
                </Link>
                <span className="block text-slate-600">{committee._count.members} uppdrag</span>
              </td>
              <td className={CELL}>
                <EditCommitteeForm
                  committee={{
                    id: committee.id,
                    name: committee.name,
                    shortName: committee.shortName,
                    kind: committee.kind,
                    parentId: committee.parentId,
                    publicMeetings: committee.publicMeetings,
                    minutesKeptAt: committee.minutesKeptAt,
                    openingItems: committee.openingItems,
                    updatedAt: committee.updatedAt.toISOString(),
                  }}
                  parents={parents}
                />
              </td>
            </tr>
          ))}
        </DataTable>
        <FormPanel id="new-committee" title="Ny nämnd" level={3}>
          <CreateCommitteeForm parents={parents} />
        </FormPanel>
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
        <FormPanel id="new-administration" title="Ny förvaltning" level={3}>
          <CreateAdministrationForm committees={committees.map((committee) => ({ value: committee.id, label: committee.name }))} />
        </FormPanel>
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
        <FormPanel id="new-department" title="Ny avdelning" level={3}>
          <CreateDepartmentForm administrations={administrations.map((administration) => ({ value: administration.id, label: administration.name }))} />
        </FormPanel>
      </section>
    </>
  );
};

export default OrganisationPage;
