// Requests that Next.js would answer with a 500 (and a stack trace in the log) are refused
// here with a Swedish 4xx before they reach it:
// - a query with a NUL, control character or broken encoding (PostgreSQL would refuse it);
// - a path whose percent-encoding is not UTF-8 (%FF): Next's route-parameter decoding throws;
// - a server-action body React's decoder would choke on: over the size limit, a content type
//   the React client never sends, malformed JSON, nesting deep enough to overflow the
//   decoder's stack, or a reference path through __proto__/constructor/prototype (which
//   React refuses too, but by throwing).
// What passes is exactly what a browser and React's client can send; the decoder and the
// action's zod schema still do the real parsing.
import { isSafeQueryString, UNSAFE_QUERY_MESSAGE } from "@/lib/text-schemas";

/** Next.js's default server-action body limit (serverActions.bodySizeLimit = 1 MB). */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
/** Far beyond any form of the app (the deepest is a rich-text section), far below a stack overflow. */
export const ACTION_MAX_NESTING = 64;

const FORBIDDEN_PATH_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);

const refuse = (status: number, error: string): Response =>
  Response.json({ ok: false, error }, { status, headers: { "Cache-Control": "no-store" } });

const MALFORMED = "Förfrågan kunde inte läsas. Ladda om sidan och försök igen.";

/** Deepest bracket nesting of a JSON text, strings skipped; stops counting past the limit. */
const exceedsNesting = (text: string): boolean => {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === "\\") index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "[" || char === "{") {
      depth += 1;
      if (depth > ACTION_MAX_NESTING) return true;
    } else if (char === "]" || char === "}") depth -= 1;
  }
  return false;
};

/** A React reference string ("$1:a:b") that walks into an object's prototype machinery. */
const isForbiddenReference = (value: string): boolean =>
  value.startsWith("$") && !value.startsWith("$$") && value.split(":").slice(1).some((segment) => FORBIDDEN_PATH_SEGMENTS.has(segment));

/** A JSON chunk of a React reply: well-formed, shallow enough, no reference through a prototype. */
const isAcceptableChunk = (text: string): boolean => {
  if (exceedsNesting(text)) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  const pending: unknown[] = [parsed];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === "string") {
      if (isForbiddenReference(value)) return false;
    } else if (Array.isArray(value)) pending.push(...value);
    else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        if (FORBIDDEN_PATH_SEGMENTS.has(key)) return false;
        pending.push(item);
      }
    }
  }
  return true;
};

const plainText = (message: string): Response =>
  new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * null: let the request through; otherwise the refusal to send instead. A path that does
 * not decode, or a query with a NUL, control character or broken encoding (which would
 * otherwise reach PostgreSQL as a 500), gets a 400 for every page and route alike.
 */
export const refuseMalformedUrl = (request: Request): Response | null => {
  const url = new URL(request.url);
  try {
    decodeURIComponent(url.pathname);
  } catch {
    return plainText("Adressen kunde inte läsas. Kontrollera länken och försök igen.");
  }
  return isSafeQueryString(url.search) ? null : plainText(UNSAFE_QUERY_MESSAGE);
};

/** null: let the request through; otherwise the refusal to send instead. */
export const refuseMalformedActionRequest = async (request: Request): Promise<Response | null> => {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > ACTION_BODY_LIMIT_BYTES) return refuse(413, "Förfrågan är för stor.");
  const contentType = (request.headers.get("content-type") ?? "").toLowerCase();
  const body = await request.clone().arrayBuffer();
  if (body.byteLength > ACTION_BODY_LIMIT_BYTES) return refuse(413, "Förfrågan är för stor.");

  if (contentType.startsWith("text/plain")) {
    return isAcceptableChunk(new TextDecoder().decode(body)) ? null : refuse(400, MALFORMED);
  }
  if (contentType.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      // The header as sent: a multipart boundary is case-sensitive (Chromium's has capitals).
      form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
    } catch {
      return refuse(400, MALFORMED);
    }
    // Numbered parts are the reply's JSON chunks; "_<n>_<name>" parts are a form's own fields, passed as text.
    for (const [name, value] of form.entries()) {
      if (/^\d+$/.test(name) && (typeof value !== "string" || !isAcceptableChunk(value))) return refuse(400, MALFORMED);
    }
    return null;
  }
  return refuse(415, MALFORMED);
};
