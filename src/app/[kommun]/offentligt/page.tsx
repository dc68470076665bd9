// The public start page (no login): what Yttra is, and the way to each public page and to
// the login for staff. Signed-out visitors reach it from the login page and every public footer.
import { Link } from "@/components/link";
import { publicPages, PublicShell } from "@/components/public-shell";
import { publicPageMetadata, requirePublicMunicipality } from "@/features/admin/public-municipality";

export const generateMetadata = publicPageMetadata("Yttra för allmänheten");

export const dynamic = "force-dynamic";

const PublicStartPage = async ({ params }: { params: Promise<{ kommun: string }> }) => {
  const municipality = await requirePublicMunicipality((await params).kommun);
  return (
    <PublicShell subtitle="för allmänheten" municipality={municipality} narrow>
      <section aria-labelledby="public-start-heading" className="max-w-3xl space-y-4 leading-relaxed">
        <h1 id="public-start-heading" className="text-2xl font-bold sm:text-3xl">
          Nämndernas ärenden och handlingar
        </h1>
        <p>
          {municipality.name} använder Yttra för att handlägga nämndernas ärenden, framför allt remisser som nämnderna ska yttra sig över: från det
          att en remiss kommer in och diarieförs, genom tjänsteutlåtandet och nämndens beslut, till att svaret skickas och ärendet
          arkiveras.
        </p>
        <p>
          Här kan vem som helst, utan att logga in, ta del av det som är offentligt. Uppgifter som omfattas av sekretess enligt
          offentlighets- och sekretesslagen (OSL) visas inte. Allmänna handlingar kan du alltid begära ut hos nämndens registrator.
        </p>
        <ul className="space-y-4">
          {publicPages(municipality.slug).map((item) =>
            item.description ? (
              <li key={item.href} className="rounded-lg border border-slate-200 bg-white p-4">
                <Link href={item.href} className="text-lg font-semibold text-brand-700 underline underline-offset-4">
                  {item.label}
                </Link>
                <p className="mt-1 text-slate-700">{item.description}</p>
              </li>
            ) : null,
          )}
        </ul>
        <h2 className="mt-8 text-xl font-semibold">För medarbetare</h2>
        <p>
          Handläggare, chefer, nämndsekreterare och förtroendevalda med uppdrag i Yttra{" "}
          <Link href="/logga-in" className="font-semibold text-brand-700 underline underline-offset-4">
            loggar in här
          </Link>
          .
        </p>
      </section>
    </PublicShell>
  );
};

export default PublicStartPage;
