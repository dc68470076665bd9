// The public meetings page's data: the municipality of the address and its committees' published
// handlingar. The page and tests/integration/query-budget.integration.test.ts both call this.
import "server-only";
import { requirePublicMunicipality } from "@/features/admin/public-municipality";
import { listPublicMeetingDocuments } from "@/features/meetings/server";

export const loadPublicMeetingsPage = async (kommun: string) => {
  const municipality = await requirePublicMunicipality(kommun);
  return { municipality, committees: await listPublicMeetingDocuments(municipality.id) };
};
