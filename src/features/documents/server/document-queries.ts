// Read models of handlingar: a case's list for the case page, and one file for download.
// Both authorize from the case; a confidential handling's description, counterpart and
// files are given only to those who may read confidential content of the case.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { DocumentDirection } from "@/generated/prisma/enums";
import { formatDocumentNumber } from "@/lib/case-number";
import type { Actor } from "@/server/auth";
import { readBlob } from "@/server/blob-store";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { authorize, can, DOCUMENT_SCOPE_SELECT, toCaseScope, toDocumentScope, findCaseWithScope, type CaseScope } from "@/server/authz";
import { documentHiddenFrom } from "@/features/cases/server";
import { isUuid } from "@/lib/ids";

export type CaseDocumentListItem = {
  id: string;
  documentNumber: string;
  direction: DocumentDirection;
  documentDate: Date;
  registeredAt: Date;
  /** Null for a confidential handling the actor may not read; see `secrecyReference`. */
  counterpart: string | null;
  description: string | null;
  secrecyReference: string | null;
  /** False: only the secrecy reference and the number of files may be shown. */
  contentVisible: boolean;
  files: { id: string; fileName: string | null; size: number }[];
  /** Generated documents (the attested or sent PDF/A) still being stored as files, and why any could not be. */
  records: { pending: number; failures: string[] };
};

export type CaseDocumentsView = {
  caseNumber: string;
  canAdd: boolean;
  /** The case no longer takes new handlingar (closed or misregistered). */
  closed: boolean;
  documents: CaseDocumentListItem[];
};

const notFound = () => new AppError("NOT_FOUND", "Case not found or not readable");

const loadCaseDocuments = async (caseId: string) => {
  const row = await findCaseWithScope(db, caseId, CASE_DOCUMENTS_SELECT);
  if (!row) throw notFound();
  return { row, scope: toCaseScope(row) };
};

/** What the list reads of a case; a page that reads the case anyway selects it along (loadCaseDetails' `alsoSelect`). */
export const CASE_DOCUMENTS_SELECT = {
  caseNumber: true,
  series: { select: { documentNumberFormat: true } },
  status: true,
  documents: {
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      direction: true,
      documentDate: true,
      registeredAt: true,
      counterpart: true,
      description: true,
      secrecyReference: true,
      files: { orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, size: true } },
      generatedRecords: { where: { fileId: null }, select: { failure: true } },
    },
  },
} satisfies Prisma.CaseSelect;

export type ListCaseDocumentsOptions = {
  actor: Actor;
  caseId: string;
  /** The case with CASE_DOCUMENTS_SELECT and its scope, already read (and read-authorized) by the page. */
  loaded?: { row: Prisma.CaseGetPayload<{ select: typeof CASE_DOCUMENTS_SELECT }>; scope: CaseScope };
};

export const listCaseDocuments = async ({ actor, caseId, loaded }: ListCaseDocumentsOptions): Promise<CaseDocumentsView> => {
  const { row: found, scope } = loaded ?? (await loadCaseDocuments(caseId));
  authorize(actor, "case.read", scope);
  return {
    caseNumber: found.caseNumber,
    canAdd: can(actor, "case.addDocument", scope),
    closed: found.status !== "OPEN",
    documents: found.documents.map((document) => {
      const contentVisible = !documentHiddenFrom(actor, scope, document.secrecyReference);
      return {
        id: document.id,
        documentNumber: formatDocumentNumber(found.caseNumber, document.number, found.series.documentNumberFormat),
        direction: document.direction,
        documentDate: document.documentDate,
        registeredAt: document.registeredAt,
        counterpart: contentVisible ? document.counterpart : null,
        description: contentVisible ? document.description : null,
        secrecyReference: document.secrecyReference,
        contentVisible,
        files: document.files.map((file) => ({ id: file.id, fileName: contentVisible ? file.fileName : null, size: file.size })),
        records: {
          pending: document.generatedRecords.filter((record) => record.failure === null).length,
          failures: document.generatedRecords.flatMap((record) => (record.failure === null ? [] : [record.failure])),
        },
      };
    }),
  };
};

export type DownloadableFile = { fileName: string; mimeType: string; size: number; bytes: Uint8Array };

/**
 * One file's verified bytes for someone who may read them. Unknown files, files of cases
 * the actor may not read and confidential handlings the actor may not read all give the
 * same NOT_FOUND. A damaged blob throws BlobIntegrityError (never served).
 */
export const getCaseDocumentFile = async ({ actor, fileId }: { actor: Actor; fileId: string }): Promise<DownloadableFile> => {
  if (!isUuid(fileId)) throw notFound();
  const file = await db.caseDocumentFile.findUnique({
    where: { id: fileId },
    select: {
      fileName: true,
      mimeType: true,
      size: true,
      blobSha256: true,
      document: { select: DOCUMENT_SCOPE_SELECT },
    },
  });
  if (!file || !can(actor, "document.read", toDocumentScope(file.document))) throw notFound();
  const bytes = await readBlob(file.blobSha256);
  if (!bytes) throw notFound();
  return { fileName: file.fileName, mimeType: file.mimeType, size: file.size, bytes };
};
