import type { ReactNode } from "react";
import { PublicShell } from "@/components/public-shell";
import { requirePublicMunicipality } from "@/features/admin/public-municipality";

const PublicDiariumLayout = async ({ children, params }: { children: ReactNode; params: Promise<{ kommun: string }> }) => (
  <PublicShell
    subtitle="offentligt diarium"
    municipality={await requirePublicMunicipality((await params).kommun)}
    note="Uppgifter som omfattas av sekretess enligt offentlighets- och sekretesslagen (OSL) visas inte."
  >
    {children}
  </PublicShell>
);

export default PublicDiariumLayout;
