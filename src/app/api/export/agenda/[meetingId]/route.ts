// GET /api/export/agenda/{meetingId}?format=pdf|docx
// Kallelse with föredragningslista, for those who may read the committee's meetings.
import { exportDownload } from "@/features/exports/http";
import { ZMeetingExportQuerySchema } from "@/features/exports/schemas";
import { exportAgenda } from "@/features/exports/server/meeting-export";
import { getActor } from "@/server/auth";

export const dynamic = "force-dynamic";

export const GET = async (request: Request, { params }: { params: Promise<{ meetingId: string }> }) =>
  exportDownload(request, {
    actor: await getActor(),
    id: (await params).meetingId,
    schema: ZMeetingExportQuerySchema,
    exportFile: ({ actor, query }) => exportAgenda({ actor, ...query }),
  });
