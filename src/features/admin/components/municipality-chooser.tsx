import { Link } from "@/components/link";
import { PublicShell } from "@/components/public-shell";
import { publicMunicipalityOrChoice } from "../public-municipality";

/** The unprefixed public pages of an installation with several municipalities: choose one. */
export const MunicipalityChooser = ({ municipalities, path, subtitle }: { municipalities: { name: string; slug: string }[]; path: string; subtitle: string }) => (
  <PublicShell subtitle={subtitle} narrow>
    <section aria-labelledby="chooser-heading" className="space-y-4">
      <h1 id="chooser-heading" className="text-3xl font-bold">
        Välj kommun
      </h1>
      {municipalities.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">Inga kommuner är inlagda ännu.</p>
      ) : (
        <>
          <p className="text-slate-700">Flera kommuner använder Yttra. Välj vems handlingar du vill se.</p>
          <ul className="space-y-2">
            {municipalities.map((municipality) => (
              <li key={municipality.slug}>
                <Link href={`/${municipality.slug}${path}`} className="text-lg font-semibold text-brand-700 underline underline-offset-4">
                  {municipality.name}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  </PublicShell>
);

/** The page of an unprefixed public address: a redirect to the only municipality, or the choice. */
export const municipalityChoicePage = (path: string, subtitle: string) => {
  const ChoicePage = async ({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) => (
    <MunicipalityChooser municipalities={await publicMunicipalityOrChoice(path, await searchParams)} path={path} subtitle={subtitle} />
  );
  return ChoicePage;
};
