// The anslagstavla's data (now, or the archive): the municipality of the address and what is
// posted. The pages and tests/integration/query-budget.integration.test.ts both call this.
import "server-only";
import { requirePublicMunicipality } from "@/features/admin/public-municipality";
import { loadNoticeBoard, loadNoticeBoardArchive } from "@/features/meetings/server";

export const loadNoticeBoardPage = async (kommun: string, { archive = false, now = new Date() }: { archive?: boolean; now?: Date } = {}) => {
  const municipality = await requirePublicMunicipality(kommun);
  const board = await (archive ? loadNoticeBoardArchive : loadNoticeBoard)(municipality.id, municipality.name, now);
  return { municipality, board };
};
