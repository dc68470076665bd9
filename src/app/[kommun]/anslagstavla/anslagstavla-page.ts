// The anslagstavla's data (now, or a year of the archive): the municipality of the address and what is
// posted. The pages and tests/integration/query-budget.integration.test.ts both call this.
import "server-only";
import { requirePublicMunicipality } from "@/features/admin/public-municipality";
import { loadNoticeBoard, loadNoticeBoardArchive } from "@/features/meetings/server";

export const loadNoticeBoardPage = async (kommun: string, { now = new Date() }: { now?: Date } = {}) => {
  const municipality = await requirePublicMunicipality(kommun);
  return { municipality, board: await loadNoticeBoard(municipality.id, municipality.name, now) };
};

/** The archive of one year (`?ar=2024`; this year when absent or not one of the archive's years). */
export const loadNoticeBoardArchivePage = async (kommun: string, { year, now = new Date() }: { year?: number; now?: Date } = {}) => {
  const municipality = await requirePublicMunicipality(kommun);
  return { municipality, board: await loadNoticeBoardArchive(municipality.id, municipality.name, now, year) };
};
