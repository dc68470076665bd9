// GET /api/export/statement/{statementId}?format=pdf|docx[&variant=public][&version=N]
// The tjänsteutlåtande as a download for those who may read its case.
import { exportDownload } from "@/features/exports/http";
import { ZStatementExportQuerySchema } from "@/features/exports/schemas";
import { exportStatement } from "@/features/exports/server/statement-export";
import { getActor } from "@/server/auth";

export const dynamic = "force-dynamic";

export const GET = async (request: Request, { params }: { params: Promise<{ statementId: string }> }) =>
  exportDownload(request, {
    actor: await getActor(),
    id: (await params).statementId,
    schema: ZStatementExportQuerySchema,
    exportFile: ({ actor, query: { id, ...query } }) => exportStatement({ actor, statementId: id, ...query }),
  });
