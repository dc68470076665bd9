// GET /api/export/referral/{id}?format=pdf|docx
// The remissmissiv of a sending (id: the sending, a shared missiv) or of one remissinstans.
import { exportDownload } from "@/features/exports/http";
import { ZMeetingExportQuerySchema } from "@/features/exports/schemas";
import { exportReferralLetter } from "@/features/exports/server/referral-letter-export";
import { getActor } from "@/server/auth";

export const dynamic = "force-dynamic";

export const GET = async (request: Request, { params }: { params: Promise<{ id: string }> }) =>
  exportDownload(request, {
    actor: await getActor(),
    id: (await params).id,
    schema: ZMeetingExportQuerySchema,
    exportFile: ({ actor, query }) => exportReferralLetter({ actor, ...query }),
  });
