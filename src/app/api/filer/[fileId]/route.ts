// GET /api/filer/{fileId} — a handling's file, for those who may read it. Always an
// attachment, never rendered: nosniff, a sandbox CSP and the type detected at upload.
import { contentDisposition } from "@/features/documents/http";
import { getCaseDocumentFile } from "@/features/documents/server/document-queries";
import { getActor } from "@/server/auth";
import { BlobIntegrityError } from "@/server/blob-store";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";

export const dynamic = "force-dynamic";

const plain = (status: number, message: string) =>
  new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });

export const GET = async (_request: Request, { params }: { params: Promise<{ fileId: string }> }) => {
  const actor = await getActor();
  if (!actor) return plain(401, "Du behöver logga in för att hämta filen.");
  const { fileId } = await params;
  try {
    const file = await getCaseDocumentFile({ actor, fileId });
    const contentType = file.mimeType === "text/plain" ? "text/plain; charset=utf-8" : file.mimeType;
    // A copy in a plain ArrayBuffer: what Response accepts as a body.
    return new Response(new Uint8Array(file.bytes), {
      status: 200,
      headers: {
        "Content-Type": contentType,
        "Content-Length": String(file.bytes.byteLength),
        "Content-Disposition": contentDisposition(file.fileName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        "Content-Security-Policy": "sandbox",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return plain(error.httpStatus, error.userMessage);
    if (error instanceof BlobIntegrityError) return plain(500, "Filen är skadad och kan inte hämtas. Kontakta registrator.");
    logger.error("file download failed", error);
    return plain(500, "Något gick fel. Försök igen om en stund.");
  }
};
