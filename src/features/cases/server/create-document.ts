// Registers a handling in a case inside the caller's transaction: the next number of the
// case (per the series' handling format, e.g. {number}-{n}; gap-free because the counter row stays locked until commit),
// the files, and the audit event. Callers check authorization first.
import "server-only";
import type { DocumentDirection, GeneratedRecordKind } from "@/generated/prisma/enums";
import { formatDocumentNumber } from "@/lib/case-number";
import { recordAudit } from "@/server/audit";
import type { Tx } from "@/server/db";

export type CreateCaseDocumentOptions = {
  actorId: string;
  caseId: string;
  direction: DocumentDirection;
  documentDate: Date;
  counterpart?: string | null;
  description: string;
  secrecyReference?: string | null;
  secrecyReason?: string | null;
  /** Files already stored in the blob store (see blob-store.ts). */
  files?: { blobSha256: string; fileName: string; mimeType: string; size: number }[];
  /**
   * Generated documents this handling keeps as its files (the attested tjänsteutlåtande, the
   * expedierat protokollsutdrag): requested here, in the transaction that attests or
   * dispatches, and stored by the worker (features/exports/server/records.ts).
   */
  generated?: { kind: GeneratedRecordKind; subjectId: string; contentHash: string | null }[];
};

export const createCaseDocumentInTx = async (tx: Tx, options: CreateCaseDocumentOptions) => {
  const { caseNumber, lastDocumentNumber: number, series } = await tx.case.update({
    where: { id: options.caseId },
    data: { lastDocumentNumber: { increment: 1 } },
    select: { caseNumber: true, lastDocumentNumber: true, series: { select: { documentNumberFormat: true } } },
  });
  const documentNumber = formatDocumentNumber(caseNumber, number, series.documentNumberFormat);
  const document = await tx.caseDocument.create({
    data: {
      caseId: options.caseId,
      number,
      direction: options.direction,
      documentDate: options.documentDate,
      counterpart: options.counterpart ?? null,
      description: options.description,
      secrecyReference: options.secrecyReference ?? null,
      secrecyReason: options.secrecyReason ?? null,
      createdById: options.actorId,
      files: options.files?.length ? { create: options.files } : undefined,
      generatedRecords: options.generated?.length ? { create: options.generated.map((record) => ({ ...record, requestedById: options.actorId })) } : undefined,
    },
    include: { generatedRecords: { select: { id: true } } },
  });
  await recordAudit(tx, {
    actorId: options.actorId,
    action: "document.register",
    entityType: "CaseDocument",
    entityId: document.id,
    caseId: options.caseId,
    data: {
      documentNumber,
      direction: options.direction,
      // Never the description of a confidential document: the audit log is readable more widely.
      confidential: Boolean(options.secrecyReference),
      files: (options.files ?? []).map((file) => file.blobSha256),
      ...(options.generated?.length ? { generated: options.generated.map((record) => record.kind) } : {}),
    },
  });
  return { ...document, documentNumber, recordIds: document.generatedRecords.map((record) => record.id) };
};
