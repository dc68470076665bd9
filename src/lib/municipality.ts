// Rules of a municipality's public identity: its short name in public URLs and its logo.
// Pure, so the forms and the services share them.
import { detectFileType, isPlainText } from "./file-type";

/** "exempelby", "upplands-vasby": lower-case a–z, digits and single inner hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Top-level paths of the app itself: a municipality's public pages live at /<slug>/…, and a
 * static route wins over the dynamic segment, so such a slug would never reach its pages.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "admin",
  "anslagstavla",
  "api",
  "arenden",
  "attestera",
  "bevakning",
  "byt-losenord",
  "diarium",
  "inkomna-remisser",
  "justering",
  "logga-in",
  "offentligt",
  "offentligt-diarium",
  "sammantraden",
  "sok",
  "status",
  "tillganglighet",
  "verifiera",
  "_next",
]);

/** 500 kB: a logo is shown small on the public pages. */
export const MAX_LOGO_BYTES = 500 * 1024;

export type LogoMimeType = "image/png" | "image/svg+xml";

const SVG_ROOT = /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i;
/** Scripts, event handlers and external references have no place in a logo. */
const SVG_ACTIVE_CONTENT = /<script|<foreignObject|\son[a-z]+\s*=|javascript:|<iframe|<embed|<object/i;

/** The logo's type from its bytes (never its name), or a Swedish message why it is refused. */
export const checkLogo = (bytes: Uint8Array): { ok: true; mimeType: LogoMimeType } | { ok: false; message: string } => {
  if (bytes.length === 0) return { ok: false, message: "Filen är tom." };
  if (bytes.length > MAX_LOGO_BYTES) return { ok: false, message: "Logotypen får vara högst 500 kB." };
  if (detectFileType(bytes)?.kind === "PNG") return { ok: true, mimeType: "image/png" };
  if (isPlainText(bytes)) {
    const text = new TextDecoder().decode(bytes);
    if (SVG_ROOT.test(text)) {
      return SVG_ACTIVE_CONTENT.test(text) ? { ok: false, message: "SVG-filen innehåller skript eller länkar till annat innehåll och kan inte användas som logotyp." } : { ok: true, mimeType: "image/svg+xml" };
    }
  }
  return { ok: false, message: "Logotypen måste vara en PNG- eller SVG-bild." };
};
