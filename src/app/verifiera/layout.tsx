import type { ReactNode } from "react";
import { PublicShell } from "@/components/public-shell";

/** Public: anyone holding an exported document can check it, without logging in. */
const VerifyLayout = ({ children }: { children: ReactNode }) => (
  <PublicShell subtitle="verifiera attesterat dokument" narrow>
    {children}
  </PublicShell>
);

export default VerifyLayout;
