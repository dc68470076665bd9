import type { Metadata } from "next";
import Link from "next/link";
import { AdminPageHeader } from "@/features/admin/components/admin-page-header";
import { requireAdminPage } from "@/features/admin/require-admin";

export const metadata: Metadata = { title: "Administration" };

const CARDS = [
  { href: "/admin/organisation", title: "Organisation", text: "Nämnder, förvaltningar och avdelningar." },
  { href: "/admin/anvandare", title: "Användare", text: "Konton, roller i enheter, inaktivering och nya lösenord." },
  { href: "/admin/diarieserier", title: "Diarieserier", text: "Nämndernas diarieserier och format för diarienummer." },
  { href: "/admin/klassning", title: "Klassning (KLASSA)", text: "Klasser som ärenden registreras under." },
  { href: "/admin/mallar", title: "Mallar", text: "Mallar för tjänsteutlåtanden: avsnitt, obligatoriska delar och undertecknare." },
];

const AdminPage = async () => {
  const { municipality } = await requireAdminPage();
  return (
    <>
      <AdminPageHeader title="Administration" municipalityName={municipality.name} />
      <ul className="grid gap-4 sm:grid-cols-2">
        {CARDS.map((card) => (
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
    </>
  );
};

export default AdminPage;
