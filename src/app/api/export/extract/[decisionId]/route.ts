// GET /api/export/extract/{decisionId}?format=pdf|docx
// The protokollsutdrag of one paragraph (§), identified by its decision.
import { exportDownload } from "@/features/exports/http";
import { ZMeetingExportQuerySchema } from "@/features/exports/schemas";
import { exportExtract } from "@/features/exports/server/meeting-export";
import { getActor } from "@/server/auth";

export const dynamic = "force-dynamic";

export const GET = async (request: Request, { params }: { params: Promise<{ decisionId: string }> }) =>
  exportDownload(request, {
    actor: await getActor(),
    id: (await params).decisionId,
    schema: ZMeetingExportQuerySchema,
    exportFile: ({ actor, query }) => exportExtract({ actor, ...query }),
  });
