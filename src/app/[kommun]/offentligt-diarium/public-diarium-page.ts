// The public diarium's data: the municipality of the address, its committees for the filter and
// one page of handlingar. The page and tests/integration/query-budget.integration.test.ts both call this.
import "server-only";
import { requirePublicMunicipality } from "@/features/admin/public-municipality";
import { parseSearchParams, ZPublicDiariumSearchParamsSchema, type RawSearchParams } from "@/features/diarium/schemas";
import { listPublicDiarium, publicDiariumCommittees } from "@/features/diarium/server/public-diarium";

export const loadPublicDiariumPage = async ({ kommun, searchParams }: { kommun: string; searchParams: RawSearchParams }) => {
  const municipality = await requirePublicMunicipality(kommun);
  const { values, invalid } = parseSearchParams(ZPublicDiariumSearchParamsSchema, searchParams);
  const [committees, page] = await Promise.all([publicDiariumCommittees(municipality.id), listPublicDiarium({ municipalityId: municipality.id, params: values })]);
  return { municipality, values, invalid, committees, page };
};
