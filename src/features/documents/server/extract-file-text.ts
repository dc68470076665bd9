// Extracting the text of a handling's PDF or DOCX files for search, in the worker after the
// upload's commit ("extract-text" jobs, and the sweep for what a crash left behind). The
// text and its audit event are written in one transaction, by a conditional write: two
// workers extracting the same file store it once.
import "server-only";
import { formatDocumentNumber } from "@/lib/case-number";
import { recordAudit } from "@/server/audit";
import { db } from "@/server/db";
import type { Passage } from "@/lib/passages";
import { logger } from "@/server/logger";
import { EXTRACTABLE_MIME_TYPES, extractText } from "@/server/text-extraction";

type ExtractFileTextResult = "extracted" | "failed" | "done" | "missing";

export const extractFileText = async (fileId: string): Promise<ExtractFileTextResult> => {
  const file = await db.caseDocumentFile.findUnique({
    where: { id: fileId },
    select: {
      fileName: true,
      mimeType: true,
      textExtractedAt: true,
      blob: { select: { data: true } },
      document: { select: { id: true, caseId: true, number: true, case: { select: { caseNumber: true, series: { select: { documentNumberFormat: true } } } } } },
    },
  });
  if (!file) return "missing";
  if (file.textExtractedAt || !EXTRACTABLE_MIME_TYPES.includes(file.mimeType)) return "done";

  let passages: Passage[] = [];
  let reason: string | null = null;
  try {
    passages = await extractText(file.blob.data, file.mimeType);
  } catch (error) {
    // A damaged or encrypted file never yields text: recorded once, not retried forever.
    reason = error instanceof Error ? error.message.slice(0, 500) : "okänt fel";
    logger.warn("text extraction failed", { fileId, reason });
  }

  const { document } = file;
  const documentNumber = formatDocumentNumber(document.case.caseNumber, document.number, document.case.series.documentNumberFormat);
  return db.$transaction(async (tx) => {
    const { count } = await tx.caseDocumentFile.updateMany({ where: { id: fileId, textExtractedAt: null }, data: { textExtractedAt: new Date() } });
    if (count === 0) return "done";
    await tx.caseDocumentFilePassage.createMany({ data: passages.map(({ page, text }, ordinal) => ({ fileId, documentId: document.id, caseId: document.caseId, ordinal, page, text })) });
    const audit = { actorId: null, entityType: "CaseDocument", entityId: document.id, caseId: document.caseId };
    if (reason !== null) {
      await recordAudit(tx, { ...audit, action: "document.text_failed", data: { documentNumber, fileId, reason } });
      return "failed";
    }
    await recordAudit(tx, { ...audit, action: "document.text_extracted", data: { documentNumber, fileId, characters: passages.reduce((sum, passage) => sum + passage.text.length, 0) } });
    return "extracted";
  });
};

/** PDF and DOCX files whose text is still to extract, oldest first (the worker's sweep). */
export const findFilesToExtract = async (limit = 100): Promise<string[]> =>
  (
    await db.caseDocumentFile.findMany({
      where: { textExtractedAt: null, mimeType: { in: [...EXTRACTABLE_MIME_TYPES] } },
      orderBy: { createdAt: "asc" },
      take: limit,
      select: { id: true },
    })
  ).map((row) => row.id);
