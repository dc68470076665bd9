// GET /api/offentligt/logotyp/{slug} — a municipality's logo for its public pages (no login).
// Shown as an image, never as a page: an SVG gets a sandbox CSP that runs nothing, and the
// type is the one detected from the bytes at upload.
import { getMunicipalityLogo } from "@/features/admin/server/municipality-service";
import { BlobIntegrityError } from "@/server/blob-store";
import { respond, textResponse } from "@/server/http";

export const dynamic = "force-dynamic";

export const GET = async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  try {
    const logo = await getMunicipalityLogo(decodeURIComponent((await params).slug));
    if (!logo) return textResponse(404, "Kommunen har ingen logotyp.");
    return new Response(Buffer.from(logo.bytes), {
      headers: {
        "Content-Type": logo.mimeType,
        "Cache-Control": "public, max-age=300",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      },
    });
  } catch (error) {
    if (error instanceof BlobIntegrityError) return textResponse(500, "Logotypen är skadad.");
    return respond(error, { format: "text", log: "logo download failed" });
  }
};
