import Link from "next/link";
import type { ReactNode } from "react";

/** Public: anyone holding an exported document can check it, without logging in. */
const VerifyLayout = ({ children }: { children: ReactNode }) => (
  <>
    <header className="bg-brand-800 text-white">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <p className="text-xl font-bold tracking-tight">
          Yttra <span className="font-normal">– verifiera attesterat dokument</span>
        </p>
        <Link href="/logga-in" className="rounded border border-white/60 px-3 py-1 text-sm font-semibold hover:bg-white/10">
          Logga in
        </Link>
      </div>
    </header>
    <main id="main" className="mx-auto max-w-4xl px-4 py-8">
      {children}
    </main>
  </>
);

export default VerifyLayout;
