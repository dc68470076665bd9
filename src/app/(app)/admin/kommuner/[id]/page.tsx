// The installation administrator's view of one municipality's settings: the municipality
// is named in the URL (chosen in the list), never assumed.
import type { Metadata } from "next";
import { Link } from "@/components/link";
import { notFound } from "next/navigation";
import { MunicipalitySettings } from "@/features/admin/components/municipality-settings";
import { requireInstallationAdminPage } from "@/features/admin/require-admin";
import { getMunicipalitySettings } from "@/features/admin/server/municipality-service";

export const metadata: Metadata = { title: "Kommunens inställningar – Administration" };

const MunicipalityPage = async ({ params }: { params: Promise<{ id: string }> }) => {
  const { actor } = await requireInstallationAdminPage();
  const municipality = await getMunicipalitySettings(actor, decodeURIComponent((await params).id));
  if (!municipality) notFound();
  return (
    <>
      <nav aria-label="Administration" className="mb-4 text-sm">
        <Link href="/admin/kommuner" className="font-semibold text-brand-700 underline underline-offset-4">
          Kommuner
        </Link>
      </nav>
      <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">{municipality.name}</p>
      <h1 className="mb-6 text-3xl font-bold">Kommunens inställningar</h1>
      <MunicipalitySettings municipality={municipality} />
    </>
  );
};

export default MunicipalityPage;
