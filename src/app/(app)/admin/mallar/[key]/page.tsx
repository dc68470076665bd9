import type { Metadata } from "next";
import { AdminPageHeader } from "@/features/admin/components/admin-page-header";
import { requireAdminPage } from "@/features/admin/require-admin";
import { TemplateEditor } from "@/features/statements/components/template-editor";
import { templatePath } from "@/features/statements/components/template-list";
import { TemplateVersions } from "@/features/statements/components/template-versions";
import { getTemplateForAdmin } from "@/features/statements/server/templates";
import { formatDate } from "@/lib/dates";
import { orNotFound } from "@/server/pages";

export const metadata: Metadata = { title: "Mall – Administration" };

// Addressed by the template's key, not a version id: the page always edits the newest
// version, and stays the same page after a save.
const TemplatePage = async ({ params }: { params: Promise<{ key: string }> }) => {
  const { key } = await params;
  const { actor, municipality } = await requireAdminPage();
  const template = await orNotFound(getTemplateForAdmin({ actor, municipalityId: municipality.id, key }));
  return (
    <>
      <AdminPageHeader
        title={template.name}
        current="/admin/mallar"
        municipalityName={municipality.name}
        intro={
          <p data-testid="template-version">
            Version {template.version}, senast ändrad {formatDate(template.updatedAt)}. Gäller {template.committeeName ?? "hela kommunen"}. Ändringar sparas som en
            ny version och gäller tjänsteutlåtanden som skapas efteråt.
          </p>
        }
      />
      <TemplateEditor key={template.key} templateId={template.id} version={template.version} name={template.name} definition={template.definition} path={templatePath(template.key)} />
      <TemplateVersions versions={template.versions} appliesToNew={template.isDefault} />
    </>
  );
};

export default TemplatePage;
