import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminPageHeader } from "@/features/admin/components/admin-page-header";
import { MunicipalitySettings } from "@/features/admin/components/municipality-settings";
import { requireAdminPage } from "@/features/admin/require-admin";
import { getMunicipalitySettings } from "@/features/admin/server/municipality-service";

export const metadata: Metadata = { title: "Kommunens inställningar – Administration" };

/** The administrator's own municipality: name, public URL and logo. */
const SettingsPage = async () => {
  const { actor, municipality: own } = await requireAdminPage();
  const municipality = await getMunicipalitySettings(actor, own.id);
  if (!municipality) notFound();
  return (
    <>
      <AdminPageHeader title="Kommunens inställningar" current="/admin/installningar" municipalityName={municipality.name} intro="Namnet och logotypen visas på kommunens offentliga sidor. Kortnamnet i webbadresserna kan inte ändras." />
      <MunicipalitySettings municipality={municipality} />
    </>
  );
};

export default SettingsPage;
