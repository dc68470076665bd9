// The HTTP side of every route handler: one translation of errors into responses and one
// way to send a file. Route handlers resolve the actor, parse, call a service and answer
// with these; they never write their own status codes for errors a service raises.
// AppErrors become their status and Swedish message; anything else is logged with its
// detail and answered with a generic 500, so no stack trace or SQL reaches a browser.
import { safeFileName } from "@/lib/file-name";
import { AppError, toAppError } from "@/server/errors";
import { logger } from "@/server/logger";

export const GENERIC_ERROR_MESSAGE = "Något gick fel. Försök igen om en stund.";

/** Answers are never cached and never sniffed into something a browser would render. */
const BASE_HEADERS = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } as const;

/** A short Swedish text (downloads answer with text: a browser shows it in place of the file). */
export const textResponse = (status: number, message: string): Response =>
  new Response(message, { status, headers: { ...BASE_HEADERS, "Content-Type": "text/plain; charset=utf-8" } });

export const jsonResponse = (status: number, body: unknown): Response => Response.json(body, { status, headers: BASE_HEADERS });

/** A refusal in the shape of an action's failed result, which the forms read. */
export const jsonFailure = (status: number, error: string, fieldErrors?: Record<string, string[]>): Response =>
  jsonResponse(status, { ok: false, error, ...(fieldErrors ? { fieldErrors } : {}) });

type RespondOptions = {
  /** "text" for downloads, "json" for routes that forms call. */
  format: "text" | "json";
  /** The log line for an unexpected error (never the request: it may carry confidential text). */
  log: string;
  /** The user's message for an unexpected error. */
  unexpectedMessage?: string;
};

/** The response for an error: an AppError's (or a mapped Prisma error's) status and message, else a logged 500. */
export const respond = (error: unknown, { format, log, unexpectedMessage = GENERIC_ERROR_MESSAGE }: RespondOptions): Response => {
  const mapped = toAppError(error);
  if (mapped instanceof AppError) {
    return format === "json" ? jsonFailure(mapped.httpStatus, mapped.userMessage, mapped.fieldErrors) : textResponse(mapped.httpStatus, mapped.userMessage);
  }
  logger.error(log, error);
  return format === "json" ? jsonFailure(500, unexpectedMessage) : textResponse(500, unexpectedMessage);
};

/**
 * `attachment` with the name in RFC 5987 form (Swedish letters intact) and an ASCII
 * fallback for old clients. Names are validated on upload and made safe again here (no
 * path in any normal form); quotes and non-ASCII are still replaced in the fallback so the
 * header can never be broken out of.
 */
export const contentDisposition = (rawFileName: string): string => {
  const fileName = safeFileName(rawFileName);
  const fallback = fileName.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7e]|["\\;%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
};

export type DownloadFile = { bytes: Uint8Array; fileName: string; contentType: string };

/**
 * A file to save, never to render: always an attachment, nosniff, a sandbox CSP, private
 * and uncached. Plain text is declared UTF-8 (what the app stores and exports).
 */
export const downloadResponse = ({ bytes, fileName, contentType }: DownloadFile): Response =>
  // A copy in a plain ArrayBuffer: what Response accepts as a body.
  new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      ...BASE_HEADERS,
      "Cache-Control": "private, no-store",
      "Content-Type": contentType === "text/plain" ? "text/plain; charset=utf-8" : contentType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(fileName),
      "Content-Security-Policy": "sandbox",
    },
  });
