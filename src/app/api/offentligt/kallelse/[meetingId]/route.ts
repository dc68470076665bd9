// GET /api/offentligt/kallelse/{meetingId}?format=pdf|docx
// The published kallelse with föredragningslista, for anyone (no login): confidential items masked.
import { exportDownload } from "@/features/exports/http";
import { ZMeetingExportQuerySchema } from "@/features/exports/schemas";
import { exportAgenda } from "@/features/exports/server/meeting-export";

export const dynamic = "force-dynamic";

export const GET = async (request: Request, { params }: { params: Promise<{ meetingId: string }> }) =>
  exportDownload(request, {
    actor: "public",
    id: (await params).meetingId,
    schema: ZMeetingExportQuerySchema,
    exportFile: ({ actor, query }) => exportAgenda({ actor, ...query }),
  });
