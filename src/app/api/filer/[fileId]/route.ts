// GET /api/filer/{fileId} — a handling's file, for those who may read it. Always an
// attachment, never rendered: nosniff, a sandbox CSP and the type detected at upload.
import { getCaseDocumentFile } from "@/features/documents/server/document-queries";
import { getActor } from "@/server/auth";
import { BlobIntegrityError } from "@/server/blob-store";
import { downloadResponse, respond, textResponse } from "@/server/http";

export const dynamic = "force-dynamic";

export const GET = async (_request: Request, { params }: { params: Promise<{ fileId: string }> }) => {
  const actor = await getActor();
  if (!actor) return textResponse(401, "Du behöver logga in för att hämta filen.");
  const { fileId } = await params;
  try {
    const file = await getCaseDocumentFile({ actor, fileId });
    return downloadResponse({ bytes: file.bytes, fileName: file.fileName, contentType: file.mimeType });
  } catch (error) {
    if (error instanceof BlobIntegrityError) return textResponse(500, "Filen är skadad och kan inte hämtas. Kontakta registrator.");
    return respond(error, { format: "text", log: "file download failed" });
  }
};
