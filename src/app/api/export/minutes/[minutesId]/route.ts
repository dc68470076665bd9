// GET /api/export/minutes/{minutesId}?format=pdf|docx
// The protokoll: with its justering when justerat, otherwise marked UTKAST.
import { exportDownload } from "@/features/exports/http";
import { ZMeetingExportQuerySchema } from "@/features/exports/schemas";
import { exportMinutes } from "@/features/exports/server/meeting-export";
import { getActor } from "@/server/auth";

export const dynamic = "force-dynamic";

export const GET = async (request: Request, { params }: { params: Promise<{ minutesId: string }> }) =>
  exportDownload(request, {
    actor: await getActor(),
    id: (await params).minutesId,
    schema: ZMeetingExportQuerySchema,
    exportFile: ({ actor, query }) => exportMinutes({ actor, ...query }),
  });
