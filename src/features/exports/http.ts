// The HTTP side of every export download, shared by the route handlers: who may ask
// (401 without a session), what may be asked (a uuid and format=pdf|docx, else 404/400),
// and what comes back — the file as an attachment, or a short Swedish text and never a
// byte of the document. Unknown and unreadable ids get the same 404 (forbidden too), so a
// response never tells whether a document exists.
import type { z } from "@/lib/zod";
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { downloadResponse, respond, textResponse } from "@/server/http";
import type { ExportedFile } from "./server/exported-file";

export const EXPORT_NOT_FOUND_MESSAGE = "Dokumentet finns inte, eller så saknar du behörighet att hämta det.";

/** Query parameters read by any export; only those present are passed to the schema. */
const QUERY_PARAMETERS = ["format", "variant", "version"] as const;

export type ExportDownloadOptions<TQuery extends { id: string }, TActor extends Actor | "public"> = {
  /** The session's actor (null: not logged in), or "public" for the public variants anyone may download. */
  actor: TActor | null;
  /** The document's id from the route. */
  id: string;
  schema: z.ZodType<TQuery>;
  exportFile: (options: { actor: TActor; query: TQuery }) => Promise<ExportedFile>;
};

export const exportDownload = async <TQuery extends { id: string }, TActor extends Actor | "public">(
  request: Request,
  { actor, id, schema, exportFile }: ExportDownloadOptions<TQuery, TActor>,
): Promise<Response> => {
  if (!actor) return textResponse(401, "Du behöver logga in för att hämta dokumentet.");
  const searchParams = new URL(request.url).searchParams;
  const present = QUERY_PARAMETERS.flatMap((name) => {
    const value = searchParams.get(name);
    return value === null ? [] : [[name, value] as const];
  });
  const parsed = schema.safeParse({ id, ...Object.fromEntries(present) });
  if (!parsed.success) {
    // A malformed id is just another unknown document.
    if (parsed.error.issues.some((issue) => issue.path[0] === "id")) return textResponse(404, EXPORT_NOT_FOUND_MESSAGE);
    return textResponse(400, "Ogiltig begäran. Ange format=pdf eller format=docx.");
  }
  try {
    return downloadResponse(await exportFile({ actor, query: parsed.data }));
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return textResponse(404, EXPORT_NOT_FOUND_MESSAGE);
    return respond(error, { format: "text", log: `export failed: ${new URL(request.url).pathname}`, unexpectedMessage: "Exporten misslyckades. Försök igen om en stund." });
  }
};
