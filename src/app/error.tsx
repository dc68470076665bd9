"use client";

import { Link } from "@/components/link";

const ErrorPage = ({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) => (
  <main id="main" className="mx-auto max-w-xl px-4 py-16">
    <h1 className="text-3xl font-bold">Något gick fel</h1>
    <p className="mt-4 text-slate-700">Ett oväntat fel inträffade. Inget av det du skrivit har sparats i det här steget.</p>
    {error.digest ? <p className="mt-2 text-sm text-slate-600">Felkod: {error.digest}</p> : null}
    <div className="mt-6 flex gap-4">
      <button type="button" onClick={reset} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
        Försök igen
      </button>
      <Link href="/" className="px-4 py-2 font-semibold text-brand-700 underline">
        Till startsidan
      </Link>
    </div>
  </main>
);

export default ErrorPage;
