import { FormPanel } from "@/components/form";
import type { Metadata } from "next";
import { CELL, DataTable, ROW } from "@/components/data-table";
import { AdminPageHeader } from "@/features/admin/components/admin-page-header";
import { CreateClassificationForm, EditClassificationForm } from "@/features/admin/components/classification-forms";
import { requireAdminPage } from "@/features/admin/require-admin";
import { listClassifications } from "@/features/admin/server/admin-queries";

export const metadata: Metadata = { title: "Klassning – Administration" };

const ClassificationPage = async () => {
  const { actor, municipality } = await requireAdminPage();
  const classes = await listClassifications(actor);
  return (
    <>
      <AdminPageHeader
        title="Klassning (KLASSA)"
        current="/admin/klassning"
        municipalityName={municipality.name}
        intro="Klasser tas aldrig bort, eftersom ärenden är registrerade under dem. En inaktiv klass kan inte väljas för nya ärenden. Koden kan inte ändras; skapa en ny klass och inaktivera den gamla i stället."
      />
      <DataTable caption={`${classes.length} klasser`} captionVisible columns={["Kod", "Status", "Rubrik och ändring"]}>
        {classes.map((classification) => (
          <tr key={classification.id} className={ROW}>
            <th scope="row" className={`whitespace-nowrap font-mono font-semibold ${CELL}`}>
              {classification.code}
            </th>
            <td className={CELL}>{classification.active ? "Aktiv" : <span className="font-semibold text-slate-600">Inaktiv</span>}</td>
            <td className={CELL}>
              <EditClassificationForm
                classification={{ id: classification.id, code: classification.code, title: classification.title, active: classification.active, updatedAt: classification.updatedAt.toISOString() }}
              />
            </td>
          </tr>
        ))}
      </DataTable>
      <FormPanel id="new-class" title="Ny klass" className="mt-10">
        <CreateClassificationForm />
      </FormPanel>
    </>
  );
};

export default ClassificationPage;
