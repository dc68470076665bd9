import type { Metadata } from "next";
import { Link } from "@/components/link";
import { notFound } from "next/navigation";
import { AdminPageHeader } from "@/features/admin/components/admin-page-header";
import { findAdminMunicipality } from "@/features/admin/server/admin-queries";
import { requireActor } from "@/server/auth";
import { can } from "@/server/authz";

export const metadata: Metadata = { title: "Administration" };

const CARDS = [
  { href: "/admin/organisation", title: "Organisation", text: "Nämnder, förvaltningar och avdelningar." },
  { href: "/admin/anvandare", title: "Användare", text: "Konton, roller i enheter, inaktivering och nya lösenord." },
  { href: "/admin/diarieserier", title: "Diarieserier", text: "Nämndernas diarieserier och format för diarienummer." },
  { href: "/admin/klassning", title: "Klassning (KLASSA)", text: "Klasser som ärenden registreras under." },
  { href: "/admin/mallar", title: "Mallar", text: "Mallar för tjänsteutlåtanden: avsnitt, obligatoriska delar och undertecknare." },
  { href: "/admin/installningar", title: "Kommunens inställningar", text: "Kommunens namn, logotyp och webbplats på de offentliga sidorna." },
  { href: "/admin/utkorg", title: "Utkorg", text: "Kommunens utgående e-post och dess status." },
];

const INSTALLATION_CARDS = [{ href: "/admin/kommuner", title: "Kommuner", text: "Installationens kommuner: ny kommun med dess första administratör, och kommunernas inställningar." }];

const Cards = ({ cards }: { cards: { href: string; title: string; text: string }[] }) => (
  <ul className="grid gap-4 sm:grid-cols-2">
    {cards.map((card) => (
      <li key={card.href} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-xl font-semibold">
          <Link href={card.href} className="text-brand-700 underline-offset-4 hover:underline">
            {card.title}
          </Link>
        </h2>
        <p className="mt-1 text-slate-700">{card.text}</p>
      </li>
    ))}
  </ul>
);

const AdminPage = async () => {
  const actor = await requireActor();
  const municipality = await findAdminMunicipality(actor);
  const installation = can(actor, "installation.manage", null);
  if (!municipality && !installation) notFound();
  return (
    <>
      {municipality ? (
        <>
          <AdminPageHeader title="Administration" municipalityName={municipality.name} />
          <Cards cards={CARDS} />
        </>
      ) : (
        <h1 className="mb-8 text-3xl font-bold">Administration</h1>
      )}
      {installation ? (
        <section aria-labelledby="installation-heading" className={municipality ? "mt-10" : undefined}>
          <h2 id="installation-heading" className="mb-4 text-2xl font-semibold">
            Installationen
          </h2>
          <Cards cards={INSTALLATION_CARDS} />
        </section>
      ) : null}
    </>
  );
};

export default AdminPage;
