import type { Metadata } from "next";
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
      <table className="w-full border-collapse bg-white text-left">
        <caption className="px-3 py-2 text-left text-slate-700">{classes.length} klasser</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="px-3 py-2">Kod</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2">Rubrik och ändring</th>
          </tr>
        </thead>
        <tbody>
          {classes.map((classification) => (
            <tr key={classification.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="px-3 py-2 font-mono">{classification.code}</th>
              <td className="px-3 py-2">{classification.active ? "Aktiv" : <span className="font-semibold text-slate-600">Inaktiv</span>}</td>
              <td className="px-3 py-2">
                <EditClassificationForm
                  classification={{ id: classification.id, code: classification.code, title: classification.title, active: classification.active, updatedAt: classification.updatedAt.toISOString() }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="new-class" className="mt-10 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-class" className="mb-3 text-2xl font-semibold">
          Ny klass
        </h2>
        <CreateClassificationForm />
      </section>
    </>
  );
};

export default ClassificationPage;
