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
import { CASE_DOCUMENTS_PAGE_SIZE } from "../format";

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
  /** The handlingar numbered within `page`. */
  documents: CaseDocumentListItem[];
  page: number;
  /** How many pages the case's handlingar fill (0 when it has none). */
  pages: number;
  /** The highest number given in the case: handlingar are numbered 1, 2, … and never removed. */
  total: number;
};

const notFound = () => new AppError("NOT_FOUND", "Case not found or not readable");

const loadCaseDocuments = async (caseId: string, page: number) => {
  const row = await findCaseWithScope(db, caseId, caseDocumentsSelect(page));
  if (!row) throw notFound();
  return { row, scope: toCaseScope(row) };
};

const CASE_DOCUMENT_ROW_SELECT = {
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
} satisfies Prisma.CaseDocumentSelect;

/**
 * What the list reads of a case, the handlingar of one page by their numbers (the case's
 * unique number index); a page that reads the case anyway selects it along (loadCaseDetails'
 * `alsoSelect`).
 */
export const caseDocumentsSelect = (page: number) =>
  ({
    caseNumber: true,
    series: { select: { documentNumberFormat: true } },
    status: true,
    lastDocumentNumber: true,
    documents: {
      where: { number: { gt: (page - 1) * CASE_DOCUMENTS_PAGE_SIZE, lte: page * CASE_DOCUMENTS_PAGE_SIZE } },
      orderBy: { number: "asc" },
      select: CASE_DOCUMENT_ROW_SELECT,
    },
  }) satisfies Prisma.CaseSelect;

export type ListCaseDocumentsOptions = {
  actor: Actor;
  caseId: string;
  /** 1 unless given; a page past the last is empty (the page says so). */
  page?: number;
  /** The case with caseDocumentsSelect(page) and its scope, already read (and read-authorized) by the page. */
  loaded?: { row: Prisma.CaseGetPayload<{ select: ReturnType<typeof caseDocumentsSelect> }>; scope: CaseScope };
};

export const listCaseDocuments = async ({ actor, caseId, page = 1, loaded }: ListCaseDocumentsOptions): Promise<CaseDocumentsView> => {
  const { row: found, scope } = loaded ?? (await loadCaseDocuments(caseId, page));
  authorize(actor, "case.read", scope);
  return {
    caseNumber: found.caseNumber,
    canAdd: can(actor, "case.addDocument", scope),
    closed: found.status !== "OPEN",
    page,
    pages: Math.ceil(found.lastDocumentNumber / CASE_DOCUMENTS_PAGE_SIZE),
    total: found.lastDocumentNumber,
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
