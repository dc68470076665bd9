import type { ReactNode } from "react";
import { AppHeader } from "@/components/app-header";
import { PageStatus } from "@/components/form";
import { PublicPageLinks } from "@/components/public-shell";
import { loadHeader } from "@/features/notifications/server/header-queries";
import { requireActor } from "@/server/auth";

const AppLayout = async ({ children }: { children: ReactNode }) => {
  const actor = await requireActor();
  const header = await loadHeader(actor);
  return (
    <>
      <AppHeader actor={actor} header={header} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        <PageStatus>{children}</PageStatus>
      </main>
      <footer className="mx-auto max-w-6xl space-y-3 px-4 pb-8 text-sm text-slate-600">
        <p>Yttra – ärendehantering för remissvar</p>
        <PublicPageLinks />
      </footer>
    </>
  );
};

export default AppLayout;
