// The municipality's logo (uploaded by its administrator as PNG or SVG, src/lib/municipality.ts)
// as the exports print it: one PNG for PDF/A and DOCX alike, rasterised by sharp (libvips and
// librsvg for SVG) at print resolution, flattened onto white (PDF/A-2b documents here carry
// no transparency), in the logo's own aspect ratio. Converted once per logo and process: the
// blob is content-addressed, so its hash names the result.
import "server-only";
import sharp from "sharp";
import { readBlob } from "@/server/blob-store";
import type { ExportImage } from "../document-model";

/** Pixels across the logo's height: 40 pt printed at about 450 dpi. */
const HEIGHT_PX = 250;
/** librsvg's default resolution for an SVG without one: 72 dpi, as sharp reads it. */
const SVG_DEFAULT_DENSITY = 72;

export type StoredLogo = { sha256: string; mimeType: string };

/** PNG or SVG bytes → the printed PNG. Throws on anything sharp cannot read (checkLogo refused it at upload). */
export const logoImage = async (bytes: Uint8Array, mimeType: string, description: string): Promise<ExportImage> => {
  const input = Buffer.from(bytes);
  let image = sharp(input);
  if (mimeType === "image/svg+xml") {
    // Rasterise the vector at the size it is printed, not at its nominal size scaled up.
    const { height } = await image.metadata();
    image = sharp(input, { density: Math.min(2400, (SVG_DEFAULT_DENSITY * HEIGHT_PX) / Math.max(1, height ?? HEIGHT_PX)) });
  }
  const { data, info } = await image
    .resize({ height: HEIGHT_PX, withoutEnlargement: mimeType !== "image/svg+xml" })
    .flatten({ background: "#ffffff" })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height, description };
};

const converted = new Map<string, Promise<ExportImage | null>>();

/** The municipality's logo for a letterhead, or null when it has none (or its blob is gone). */
export const letterheadLogo = (logo: StoredLogo | null, municipalityName: string): Promise<ExportImage | null> => {
  if (!logo) return Promise.resolve(null);
  const key = `${logo.sha256}\n${municipalityName}`;
  let result = converted.get(key);
  if (!result) {
    result = readBlob(logo.sha256).then((bytes) => (bytes ? logoImage(bytes, logo.mimeType, `Logotyp för ${municipalityName}`) : null));
    // A failed read is not remembered: the next export tries again.
    result.catch(() => converted.delete(key));
    converted.set(key, result);
  }
  return result;
};
