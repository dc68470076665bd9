// GET /api/export/minutes/{minutesId}/arkiv — the justerat protokoll as kept: the PDF/A stored
// at the justering (the meeting's file), for a reader who sees every § of it.
import { getMinutesRecordFile } from "@/features/exports/server/records";
import { getActor } from "@/server/auth";
import { BlobIntegrityError } from "@/server/blob-store";
import { downloadResponse, respond, textResponse } from "@/server/http";

export const dynamic = "force-dynamic";

export const GET = async (_request: Request, { params }: { params: Promise<{ minutesId: string }> }) => {
  const actor = await getActor();
  if (!actor) return textResponse(401, "Du behöver logga in för att hämta protokollet.");
  try {
    const file = await getMinutesRecordFile({ actor, minutesId: (await params).minutesId });
    return downloadResponse(file);
  } catch (error) {
    if (error instanceof BlobIntegrityError) return textResponse(500, "Filen är skadad och kan inte hämtas. Kontakta registrator.");
    return respond(error, { format: "text", log: "minutes record download failed" });
  }
};
