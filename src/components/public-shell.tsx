// The public pages' shell (start page, offentligt diarium, sammanträdeshandlingar, anslagstavla, verifiera,
// tillgänglighet): no login and no user menu — only the way in for staff — and a footer
// linking every public page.
import { Link } from "@/components/link";
import type { ReactNode } from "react";

/** The municipality whose public pages these are: named (with its logo) in the header. */
export type PublicShellMunicipality = { name: string; slug: string; publicUrl: string | null; hasLogo: boolean };

type PublicPage = { href: string; label: string; description: string | null };

/**
 * The public front door: linked from the public pages' footer and from the login page; the
 * start page describes each. With a municipality the pages are its own (/<slug>/…); without
 * one the unprefixed addresses lead to the municipality (or a choice of municipalities).
 */
export const publicPages = (slug?: string): PublicPage[] => {
  const prefix = slug ? `/${slug}` : "";
  return [
    { href: `${prefix}/offentligt`, label: "Startsida för allmänheten", description: null },
    {
      href: `${prefix}/offentligt-diarium`,
      label: "Offentligt diarium",
      description: "Sök bland handlingar som registrerats hos nämnderna: diarienummer, datum, avsändare och ärende.",
    },
    {
      href: `${prefix}/offentligt/sammantraden`,
      label: "Nämndernas sammanträdeshandlingar",
      description: "Kallelser och föredragningslistor när de publicerats, och protokollen när de justerats.",
    },
    {
      href: `${prefix}/anslagstavla`,
      label: "Anslagstavla",
      description: "Kommunens digitala anslagstavla: justerade protokoll med tid för överklagande, och kungörelser av sammanträden.",
    },
    {
      href: "/verifiera",
      label: "Verifiera ett dokument",
      description: "Kontrollera med verifieringskoden att ett attesterat dokument är äkta och oförändrat.",
    },
    { href: "/tillganglighet", label: "Tillgänglighetsredogörelse", description: "Hur tillgänglig webbplatsen är, kända brister och hur du rapporterar problem." },
  ];
};

export const PublicPageLinks = ({ className = "", slug }: { className?: string; slug?: string }) => (
  <nav aria-label="Offentliga sidor" className={className}>
    <ul className="flex flex-wrap gap-x-6 gap-y-2">
      {publicPages(slug).map((item) => (
        <li key={item.href}>
          <Link href={item.href} className="font-semibold text-brand-700 underline underline-offset-4">
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  </nav>
);

type PublicShellProps = {
  /** After "Yttra –" in the header: what this public page is. */
  subtitle: string;
  /** Text pages read better in a narrower column than the diarium's table. */
  narrow?: boolean;
  /** A note above the footer's links (e.g. what the page leaves out). */
  note?: ReactNode;
  municipality?: PublicShellMunicipality;
  children: ReactNode;
};

export const PublicShell = ({ subtitle, narrow = false, note, municipality, children }: PublicShellProps) => {
  const width = narrow ? "max-w-4xl" : "max-w-6xl";
  const home = municipality ? `/${municipality.slug}/offentligt` : "/offentligt";
  return (
    <>
      <header className="bg-brand-800 text-white">
        <div className={`mx-auto flex ${width} flex-wrap items-center justify-between gap-4 px-4 py-3`}>
          <div className="flex items-center gap-3">
            {municipality?.hasLogo ? (
              // The municipality's own logo, served by the app (PNG or SVG without scripts).
              // eslint-disable-next-line @next/next/no-img-element
              <img src={`/api/offentligt/logotyp/${municipality.slug}`} alt="" className="h-10 w-auto rounded bg-white p-1" />
            ) : null}
            <p className="text-xl font-bold tracking-tight">
              <Link href={home} className="hover:underline">
                {municipality ? municipality.name : "Yttra"}
              </Link>{" "}
              <span className="font-normal">– {subtitle}</span>
            </p>
          </div>
          <Link href="/logga-in" className="rounded border border-white/60 px-3 py-1 text-sm font-semibold hover:bg-white/10">
            Logga in
          </Link>
        </div>
      </header>
      <main id="main" className={`mx-auto ${width} px-4 py-8`}>
        {children}
      </main>
      <footer className={`mx-auto ${width} space-y-3 px-4 pb-8 text-sm text-slate-600`}>
        {note ? <p>{note}</p> : null}
        {municipality?.publicUrl ? (
          <p>
            <a href={municipality.publicUrl} className="font-semibold text-brand-700 underline underline-offset-4">
              Kommunens webbplats: {municipality.name}
            </a>
          </p>
        ) : null}
        <PublicPageLinks slug={municipality?.slug} />
      </footer>
    </>
  );
};
