import type { ReactNode } from "react";
import { PublicShell } from "@/components/public-shell";

const PublicDiariumLayout = ({ children }: { children: ReactNode }) => (
  <PublicShell subtitle="offentligt diarium" note="Uppgifter som omfattas av sekretess enligt offentlighets- och sekretesslagen (OSL) visas inte.">
    {children}
  </PublicShell>
);

export default PublicDiariumLayout;
