import type { Metadata } from "next";
import { AdminPageHeader } from "@/features/admin/components/admin-page-header";
import { requireAdminPage } from "@/features/admin/require-admin";
import { getOrganisation } from "@/features/admin/server/admin-queries";
import { CreateTemplateForm } from "@/features/statements/components/create-template-form";
import { TemplateList } from "@/features/statements/components/template-list";
import { listTemplatesForAdmin } from "@/features/statements/server/templates";

export const metadata: Metadata = { title: "Mallar – Administration" };

const TemplatesPage = async () => {
  const { actor, municipality } = await requireAdminPage();
  const templates = (await listTemplatesForAdmin(actor)).filter((template) => template.municipalityId === municipality.id);
  const { committees } = await getOrganisation(actor);
  return (
    <>
      <AdminPageHeader
        title="Mallar"
        current="/admin/mallar"
        municipalityName={municipality.name}
        intro="Mallar för tjänsteutlåtanden: rubriker, avsnitt, undertecknare och vem som föreslår beslutet. En nämnds egen mall används för nämndens nya tjänsteutlåtanden; kommunens mallar kan väljas för alla. En ändrad mall sparas som en ny version och gäller tjänsteutlåtanden som skapas efteråt; de som redan finns behåller sin version."
      />
      <TemplateList templates={templates} />
      <section aria-labelledby="new-template" className="mt-8 space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-template" className="text-2xl font-semibold">
          Ny mall
        </h2>
        <CreateTemplateForm
          templates={templates.map((template) => ({ value: template.id, label: template.committeeName ? `${template.name} (${template.committeeName})` : template.name }))}
          committees={committees.map((committee) => ({ value: committee.id, label: committee.name }))}
        />
      </section>
    </>
  );
};

export default TemplatesPage;
