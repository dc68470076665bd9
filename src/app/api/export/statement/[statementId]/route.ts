// GET /api/export/statement/{statementId}?format=pdf|docx[&variant=public]
// The tjänsteutlåtande as a download for those who may read its case. Unknown and
// forbidden are the same 404 with no document bytes.
import { contentDisposition } from "@/features/documents/http";
import { ZExportQuerySchema } from "@/features/exports/schemas";
import { exportStatement } from "@/features/exports/server/statement-export";
import { getActor } from "@/server/auth";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";

export const dynamic = "force-dynamic";

const plain = (status: number, message: string) =>
  new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });

const NOT_FOUND = "Dokumentet finns inte, eller så saknar du behörighet att hämta det.";

export const GET = async (request: Request, { params }: { params: Promise<{ statementId: string }> }) => {
  const actor = await getActor();
  if (!actor) return plain(401, "Du behöver logga in för att hämta dokumentet.");
  const url = new URL(request.url);
  const parsed = ZExportQuerySchema.safeParse({
    statementId: (await params).statementId,
    format: url.searchParams.get("format") ?? undefined,
    variant: url.searchParams.get("variant") ?? undefined,
  });
  if (!parsed.success) {
    // A malformed id is just another unknown statement.
    if (parsed.error.issues.some((issue) => issue.path[0] === "statementId")) return plain(404, NOT_FOUND);
    return plain(400, "Ange format=pdf eller format=docx.");
  }
  try {
    const file = await exportStatement({ actor, ...parsed.data });
    return new Response(new Uint8Array(file.bytes), {
      status: 200,
      headers: {
        "Content-Type": file.contentType,
        "Content-Length": String(file.bytes.byteLength),
        "Content-Disposition": contentDisposition(file.fileName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        "Content-Security-Policy": "sandbox",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return plain(error.httpStatus, error.code === "NOT_FOUND" ? NOT_FOUND : error.userMessage);
    logger.error("statement export failed", error);
    return plain(500, "Exporten misslyckades. Försök igen om en stund.");
  }
};
