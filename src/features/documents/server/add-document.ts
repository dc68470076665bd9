// Registrera handling: a document with optional files, added to a case by someone allowed
// to, in one transaction with its audit event. Files are checked by content, size and name
// before anything is written; a refusal stores nothing.
import "server-only";
import { checkFileType, MAX_FILE_BYTES } from "@/lib/file-type";
import type { Actor } from "@/server/auth";
import { putBlob } from "@/server/blob-store";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { enqueueTextExtraction } from "@/server/jobs";
import { authorize, CASE_SCOPE_SELECT, toCaseScope, unknownResource } from "@/server/authz";
import { createCaseDocumentInTx } from "@/features/cases/server";
import { checkFileName } from "@/lib/file-name";
import { formatFileSize } from "../format";
import { ZAddDocumentSchema } from "../schemas";
import { isUuid } from "@/lib/ids";
import { zodFieldErrors } from "@/lib/field-errors";
import { validationError } from "@/server/validation";

export type UploadedFile = { name: string; bytes: Uint8Array };

export type AddCaseDocumentOptions = {
  actor: Actor;
  caseId: string;
  /**
   * The form's fields as sent: the one service that parses its own input, because it must
   * authorize first (someone without access learns nothing from field messages) and report
   * field and file errors together. Its only entrance is POST /api/filer.
   */
  input: unknown;
  files?: UploadedFile[];
};

export type CheckedFile = { fileName: string; bytes: Uint8Array; mimeType: string };

/** The field key of file errors in `AppError.fieldErrors` (and the form's file input name). */
export const FILES_FIELD = "files";

/** Content, size and name of every file; all problems at once, each prefixed with the file's name. */
export const checkUploadedFiles = (files: UploadedFile[]): { checked: CheckedFile[]; errors: string[] } => {
  const checked: CheckedFile[] = [];
  const errors: string[] = [];
  let total = 0;
  for (const file of files) {
    total += file.bytes.length;
    const name = checkFileName(file.name);
    // A rejected name is not repeated back verbatim: it may hold control characters.
    const label = name.ok ? `${name.name}: ` : "";
    if (!name.ok) {
      errors.push(name.message);
      continue;
    }
    if (file.bytes.length > MAX_FILE_BYTES) {
      errors.push(`${label}Filen är ${formatFileSize(file.bytes.length)}. Största tillåtna storlek är 25 MB.`);
      continue;
    }
    const type = checkFileType(name.name, file.bytes);
    if (!type.ok) {
      errors.push(`${label}${type.message}`);
      continue;
    }
    checked.push({ fileName: name.name, bytes: file.bytes, mimeType: type.type.mimeType });
  }
  if (total > MAX_FILE_BYTES && errors.length === 0) errors.push("Filerna är tillsammans större än 25 MB. Registrera dem i flera omgångar.");
  return { checked, errors };
};

/** Loads the case for a write and authorizes it; unknown and unreadable cases look the same. */
const loadCaseForNewDocument = async (client: Tx, actor: Actor, caseId: string) => {
  const found = isUuid(caseId)
    ? await client.case.findUnique({ where: { id: caseId }, select: { ...CASE_SCOPE_SELECT, id: true, status: true } })
    : null;
  if (!found) throw unknownResource("case.addDocument");
  authorize(actor, "case.addDocument", toCaseScope(found), { forbidden: "Du har inte behörighet att registrera handlingar i ärendet." });
  if (found.status === "CLOSED") {
    throw new AppError("INVALID_STATE", "Case is closed", { userMessage: "Ärendet är avslutat. Nya handlingar kan inte registreras i ett avslutat ärende." });
  }
  if (found.status === "MISREGISTERED") {
    throw new AppError("INVALID_STATE", "Case is misregistered", { userMessage: "Ärendet är felregistrerat. Nya handlingar kan inte registreras i det." });
  }
  return found;
};

export const addCaseDocument = async ({ actor, caseId, input, files = [] }: AddCaseDocumentOptions) => {
  // Authorize before validating, so that someone without access learns nothing from field messages.
  await loadCaseForNewDocument(db, actor, caseId);

  const parsed = ZAddDocumentSchema.safeParse(input);
  const fileCheck = checkUploadedFiles(files);
  if (!parsed.success || fileCheck.errors.length > 0) {
    const fieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
    if (fileCheck.errors.length > 0) fieldErrors[FILES_FIELD] = fileCheck.errors;
    throw validationError(fieldErrors);
  }
  const document = parsed.data;

  const added = await db.$transaction(async (tx) => {
    // Lock the case row first: a concurrent close waits for this registration (or wins and
    // is seen here), and document numbers are drawn one at a time.
    await tx.$queryRaw`SELECT id FROM "case" WHERE id = ${caseId}::uuid FOR UPDATE`;
    await loadCaseForNewDocument(tx, actor, caseId);
    const stored = [];
    for (const file of fileCheck.checked) {
      const blob = await putBlob(tx, file.bytes, file.mimeType);
      stored.push({ blobSha256: blob.sha256, fileName: file.fileName, mimeType: file.mimeType, size: blob.size });
    }
    // A reason without a reference is dropped: the reason belongs to the marking.
    const secrecyReason = document.secrecyReference ? document.secrecyReason : null;
    const created = await createCaseDocumentInTx(tx, { ...document, secrecyReason, actorId: actor.id, caseId, files: stored });
    const files = stored.length > 0 ? await tx.caseDocumentFile.findMany({ where: { documentId: created.id }, select: { id: true } }) : [];
    return { id: created.id, number: created.number, documentNumber: created.documentNumber, fileIds: files.map((file) => file.id) };
  });
  // After the commit: the worker makes the files' text searchable (its sweep catches a lost job).
  await enqueueTextExtraction(added.fileIds);
  return { id: added.id, number: added.number, documentNumber: added.documentNumber };
};
