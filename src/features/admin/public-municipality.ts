// The municipality of a public page: /<slug>/… names it; the old unprefixed addresses lead
// to the installation's only municipality, or to a choice when there are several.
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { findPublicMunicipality, listPublicMunicipalities, type PublicMunicipality } from "./server/municipality-service";

/** The municipality of the URL's slug, or the 404 page. Memoised per request (layout and page ask alike). */
export const requirePublicMunicipality = cache(async (rawSlug: string): Promise<PublicMunicipality> => {
  const municipality = await findPublicMunicipality(decodeURIComponent(rawSlug));
  if (!municipality) notFound();
  return municipality;
});

type RawSearchParams = Record<string, string | string[] | undefined>;

/**
 * For an unprefixed public address (`path` such as "/offentligt-diarium"): a redirect to the
 * only municipality's page, keeping the query; otherwise the municipalities to choose among.
 */
export const publicMunicipalityOrChoice = async (path: string, searchParams: RawSearchParams = {}): Promise<PublicMunicipality[]> => {
  const municipalities = await listPublicMunicipalities();
  if (municipalities.length === 1) {
    const query = new URLSearchParams(Object.entries(searchParams).flatMap(([key, value]) => (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((item) => [key, item])));
    const search = query.size > 0 ? `?${query.toString()}` : "";
    redirect(`/${municipalities[0]!.slug}${path}${search}`);
  }
  return municipalities;
};

/** A public page's title with its municipality's name, e.g. "Offentligt diarium – Exempelby kommun". */
export const publicPageMetadata =
  (title: string) =>
  async ({ params }: { params: Promise<{ kommun: string }> }) => ({ title: `${title} – ${(await requirePublicMunicipality((await params).kommun)).name}` });
