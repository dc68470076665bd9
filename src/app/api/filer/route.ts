// POST /api/filer — registrera handling with files (multipart/form-data).
// A route handler rather than a server action: the size limit is checked on the
// Content-Length header and while reading, before anything is parsed, and refused with a
// Swedish 413 the form can show on its file field; the server-action body limit
// (experimental.serverActions.bodySizeLimit) would have to be raised for every action in
// the app and answers with a generic error. The form can also show upload progress.
import { revalidatePath } from "next/cache";
import { addCaseDocument, FILES_FIELD, type UploadedFile } from "@/features/documents/server/add-document";
import { isSameOriginRequest, MAX_UPLOAD_REQUEST_BYTES, readBodyWithLimit, RequestTooLargeError } from "@/features/documents/http";
import { ADD_DOCUMENT_FIELDS } from "@/features/documents/schemas";
import { getActor } from "@/server/auth";
import { jsonFailure, jsonResponse, respond } from "@/server/http";

export const dynamic = "force-dynamic";

const TOO_LARGE = "Filen är för stor. Största tillåtna storlek är 25 MB.";

export const POST = async (request: Request) => {
  if (!isSameOriginRequest(request.headers)) return jsonFailure(403, "Förfrågan kom inte från Yttra och avvisades.");
  const actor = await getActor();
  if (!actor) return jsonFailure(401, "Du är inte inloggad längre. Logga in igen – det du skrivit finns kvar i formuläret.");
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) return jsonFailure(415, "Förfrågan måste skickas som ett formulär med filer.");
  const declaredLength = Number(request.headers.get("content-length") ?? "0");
  if (declaredLength > MAX_UPLOAD_REQUEST_BYTES) return jsonFailure(413, TOO_LARGE, { [FILES_FIELD]: [TOO_LARGE] });

  let form: FormData;
  try {
    const body = await readBodyWithLimit(request.body, MAX_UPLOAD_REQUEST_BYTES);
    form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch (error) {
    if (error instanceof RequestTooLargeError) return jsonFailure(413, TOO_LARGE, { [FILES_FIELD]: [TOO_LARGE] });
    return jsonFailure(400, "Formuläret kunde inte läsas. Försök igen.");
  }

  const caseId = form.get("caseId");
  const input: Record<string, string> = {};
  for (const field of ADD_DOCUMENT_FIELDS) {
    const value = form.get(field);
    if (typeof value === "string") input[field] = value;
  }
  const files: UploadedFile[] = [];
  for (const entry of form.getAll(FILES_FIELD)) {
    // An empty file input still sends one nameless, empty part.
    if (typeof entry === "string" || (entry.size === 0 && entry.name === "")) continue;
    files.push({ name: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) });
  }

  try {
    const created = await addCaseDocument({ actor, caseId: typeof caseId === "string" ? caseId : "", input, files });
    revalidatePath(`/arenden/${String(caseId)}`);
    return jsonResponse(201, { ok: true, data: created });
  } catch (error) {
    return respond(error, { format: "json", log: "document upload failed" });
  }
};
