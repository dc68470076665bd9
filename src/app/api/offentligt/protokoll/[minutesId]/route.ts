// GET /api/offentligt/protokoll/{minutesId}?format=pdf|docx
// The justerade protokoll, for anyone (no login): confidential §§ masked.
import { exportDownload } from "@/features/exports/http";
import { ZMeetingExportQuerySchema } from "@/features/exports/schemas";
import { exportMinutes } from "@/features/exports/server/meeting-export";

export const dynamic = "force-dynamic";

export const GET = async (request: Request, { params }: { params: Promise<{ minutesId: string }> }) =>
  exportDownload(request, {
    actor: "public",
    id: (await params).minutesId,
    schema: ZMeetingExportQuerySchema,
    exportFile: ({ actor, query }) => exportMinutes({ actor, ...query }),
  });
