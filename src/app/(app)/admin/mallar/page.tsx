import type { Metadata } from "next";
import { AdminPageHeader } from "@/features/admin/components/admin-page-header";
import { requireAdminPage } from "@/features/admin/require-admin";
import { TemplateList } from "@/features/statements/components/template-list";
import { listTemplatesForAdmin } from "@/features/statements/server/templates";

export const metadata: Metadata = { title: "Mallar – Administration" };

const TemplatesPage = async () => {
  const { actor, municipality } = await requireAdminPage();
  const templates = (await listTemplatesForAdmin(actor)).filter((template) => template.municipalityId === municipality.id);
  return (
    <>
      <AdminPageHeader
        title="Mallar"
        current="/admin/mallar"
        municipalityName={municipality.name}
        intro="Mallar för tjänsteutlåtanden: rubriker, avsnitt och undertecknare. En ändrad mall sparas som en ny version och gäller tjänsteutlåtanden som skapas efteråt; de som redan finns behåller sin version."
      />
      <TemplateList templates={templates} />
    </>
  );
};

export default TemplatesPage;
