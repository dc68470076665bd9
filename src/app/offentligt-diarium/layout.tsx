import Link from "next/link";
import type { ReactNode } from "react";

/** The public pages' shell: no login, no user menu — only the way in for staff. */
const PublicLayout = ({ children }: { children: ReactNode }) => (
  <>
    <header className="bg-brand-800 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <p className="text-xl font-bold tracking-tight">
          Yttra <span className="font-normal">– offentligt diarium</span>
        </p>
        <Link href="/logga-in" className="rounded border border-white/60 px-3 py-1 text-sm font-semibold hover:bg-white/10">
          Logga in
        </Link>
      </div>
    </header>
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      {children}
    </main>
    <footer className="mx-auto max-w-6xl px-4 pb-8 text-sm text-slate-600">
      Uppgifter som omfattas av sekretess enligt offentlighets- och sekretesslagen (OSL) visas inte.
    </footer>
  </>
);

export default PublicLayout;
