// Generated documents kept as records: the attested tjänsteutlåtande and the expedierade
// protokollsutdrag (with the tjänsteutlåtande when it was sent along) are stored as PDF/A
// files of their handlings, and the justerat protokoll as a whole as the meeting's own file
// (it belongs to no case: a case's handling would hand other cases' §§ to its readers), content-addressed in the blob store like uploaded files, so
// the diarium holds the exact bytes that were approved and sent, and the file is read
// under the handling's own access rules (a confidential case's handlings carry its marking).
//
// Rendered after commit by the worker, not inside the transaction that attests or dispatches:
// - the renderer is the top layer (exports) and those transitions live in the layers below
//   it (attestation, meetings), which may not call it;
// - the export read models read through the pool: inside the transaction they would not see
//   the completion being written and would render a draft;
// - rendering costs tens of milliseconds of CPU (more for a long document) that would be spent
//   holding the row locks of the request, the statement and the case, and a pool connection.
// The guarantee instead (tests/integration/records.integration.test.ts):
// - the handling and its generated_record row are written in the same transaction as the
//   state change and its audit events: a committed attestation or dispatch always has its
//   record requested, and a rolled-back one has none;
// - the worker stores it (enqueued after commit; swept every YTTRA_WORKER_SWEEP_SECONDS when
//   enqueueing or a worker failed), once: a conditional write under the record's row lock, with
//   the file's SHA-256 in the audit event of the same transaction;
// - only if what renders now is bound to the hash recorded at the state change (the
//   attestation's, the justering's): the renderer is deterministic (same content, same bytes),
//   so the file is byte for byte what the export route gave at that moment. If the binding no
//   longer holds (say the attestation was withdrawn before the worker came), nothing is stored
//   and the record, and the case's history, say why.
import "server-only";
import type { GeneratedRecord } from "@/generated/prisma/client";
import { formatDocumentNumber } from "@/lib/case-number";
import { formatDate } from "@/lib/dates";
import { recordAudit } from "@/server/audit";
import { putBlob, readBlob } from "@/server/blob-store";
import type { Actor } from "@/server/auth/actor";
import { getMinutesForExport } from "@/features/meetings/server";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { renderExportFile, type ExportedFile } from "./exported-file";
import { loadExtractDocument, loadMinutesDocument } from "./meeting-export";
import { loadReferralLetterDocument } from "./referral-letter-export";
import { loadStatementDocument } from "./statement-export";

/** The record's file as the export renders it now, and the hash that rendering is bound to (null: none). */
const renderRecord = async (record: GeneratedRecord): Promise<{ file: ExportedFile; boundHash: string | null }> => {
  switch (record.kind) {
    case "STATEMENT": {
      const view = await loadStatementDocument({ actor: "system", statementId: record.subjectId });
      return { file: await renderExportFile({ document: view.document, format: "pdf", fileName: view.fileName("pdf") }), boundHash: view.attested ? view.contentHash : null };
    }
    case "EXTRACT": {
      // Dispatched with the tjänsteutlåtande (the handling keeps it too): its pages follow the extract's in the one file.
      const statement = record.documentId
        ? await db.generatedRecord.findUnique({ where: { documentId_kind: { documentId: record.documentId, kind: "STATEMENT" } }, select: { contentHash: true } })
        : null;
      const { extract, document, fileName, statementHash } = await loadExtractDocument({ actor: "system", id: record.subjectId, withStatement: statement !== null });
      const minutesHash = extract.minutesStatus === "APPROVED" ? extract.minutesContentHash : null;
      // Bound to both: the justering's hash, and the tjänsteutlåtande as attested when it was sent.
      return {
        file: await renderExportFile({ document, format: "pdf", fileName: fileName("pdf") }),
        boundHash: statement && statementHash !== statement.contentHash ? `${minutesHash}+${statementHash}` : minutesHash,
      };
    }
    case "REFERRAL_LETTER": {
      const { document, fileName, letterHash } = await loadReferralLetterDocument({ actor: "system", id: record.subjectId });
      return { file: await renderExportFile({ document, format: "pdf", fileName: fileName("pdf") }), boundHash: letterHash };
    }
    case "MINUTES": {
      const { minutes, document, fileName } = await loadMinutesDocument({ actor: "system", id: record.subjectId });
      return { file: await renderExportFile({ document, format: "pdf", fileName: fileName("pdf") }), boundHash: minutes.status === "APPROVED" ? minutes.contentHash : null };
    }
  }
};

const BINDING_LOST: Record<GeneratedRecord["kind"], string> = {
  STATEMENT: "tjänsteutlåtandet är inte längre attesterat i den version som registrerades",
  EXTRACT: "protokollet, eller det medskickade tjänsteutlåtandet, är inte längre detsamma som när utdraget expedierades",
  REFERRAL_LETTER: "remissmissivet är inte längre detsamma som när remissen skickades",
  MINUTES: "protokollet är inte längre detsamma som när det justerades",
};

const isDone = (record: { fileId: string | null; blobSha256: string | null; failure: string | null }) => Boolean(record.fileId || record.blobSha256 || record.failure);

/** The audit event's subject: the handling in its case, or the meeting's minutes (no case). */
const auditSubject = async (tx: Tx, record: GeneratedRecord) => {
  if (record.meetingId) {
    const meeting = await tx.meeting.findUniqueOrThrow({ where: { id: record.meetingId }, select: { startsAt: true, committee: { select: { name: true } } } });
    return { audit: { actorId: null, entityType: "Minutes", entityId: record.subjectId, caseId: null }, owner: { meeting: `${meeting.committee.name} ${formatDate(meeting.startsAt)}` } };
  }
  const { documentId } = record;
  if (!documentId) throw new Error(`Generated record ${record.id} has neither a handling nor a meeting`);
  const document = await tx.caseDocument.findUniqueOrThrow({
    where: { id: documentId },
    select: { caseId: true, number: true, case: { select: { caseNumber: true, series: { select: { documentNumberFormat: true } } } } },
  });
  return {
    audit: { actorId: null, entityType: "CaseDocument", entityId: documentId, caseId: document.caseId },
    owner: { documentNumber: formatDocumentNumber(document.case.caseNumber, document.number, document.case.series.documentNumberFormat) },
  };
};

export type StoreRecordResult = "stored" | "done" | "failed" | "missing";

/** Renders and stores one requested record (idempotent: a stored or failed record is left alone). */
export const storeGeneratedRecord = async (recordId: string): Promise<StoreRecordResult> => {
  const record = await db.generatedRecord.findUnique({ where: { id: recordId } });
  if (!record) return "missing";
  if (isDone(record)) return "done";

  let rendered: { file: ExportedFile; boundHash: string | null } | null = null;
  let failure: string | null = null;
  try {
    rendered = await renderRecord(record);
    if (rendered.boundHash !== record.contentHash) failure = BINDING_LOST[record.kind];
  } catch (error) {
    // A refusal of the export (content does not verify, no longer readable) is final; anything else is retried.
    if (!(error instanceof AppError)) throw error;
    failure = error.userMessage;
  }

  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "generated_record" WHERE id = ${record.id}::uuid FOR UPDATE`;
    const locked = await tx.generatedRecord.findUniqueOrThrow({ where: { id: record.id } });
    if (isDone(locked)) return "done";
    const { audit, owner } = await auditSubject(tx, locked);
    if (!rendered || failure) {
      const reason = failure ?? "okänt fel";
      await tx.generatedRecord.update({ where: { id: record.id }, data: { failure: reason } });
      await recordAudit(tx, { ...audit, action: "document.record_failed", data: { ...owner, kind: record.kind, recordId: record.id, reason } });
      logger.error("generated record not stored", { recordId: record.id, kind: record.kind });
      return "failed";
    }
    const { file } = rendered;
    const blob = await putBlob(tx, file.bytes, file.contentType);
    let fileId: string | null = null;
    if (record.documentId) {
      fileId = (
        await tx.caseDocumentFile.create({
          data: { documentId: record.documentId, blobSha256: blob.sha256, fileName: file.fileName, mimeType: file.contentType, size: blob.size },
          select: { id: true },
        })
      ).id;
      await tx.generatedRecord.update({ where: { id: record.id }, data: { fileId } });
    } else {
      // The meeting's own file: the blob itself, under the name the export gives it.
      await tx.generatedRecord.update({ where: { id: record.id }, data: { blobSha256: blob.sha256, fileName: file.fileName } });
    }
    await recordAudit(tx, {
      ...audit,
      action: "document.record_stored",
      data: { ...owner, kind: record.kind, recordId: record.id, fileId, sha256: blob.sha256, size: blob.size, contentHash: record.contentHash },
    });
    return "stored";
  });
};

/** Records requested and neither stored nor failed, oldest first (the worker's sweep, the demo seed). */
export const findRecordsToStore = async (limit = 100): Promise<string[]> =>
  (await db.generatedRecord.findMany({ where: { fileId: null, blobSha256: null, failure: null }, orderBy: { createdAt: "asc" }, take: limit, select: { id: true } })).map((row) => row.id);

/** Stores every pending record, one at a time; returns how many were stored. */
export const storePendingRecords = async (): Promise<number> => {
  let stored = 0;
  for (const id of await findRecordsToStore(Number.MAX_SAFE_INTEGER)) {
    if ((await storeGeneratedRecord(id)) === "stored") stored += 1;
  }
  return stored;
};

/**
 * The justerat protokoll as kept (the meeting's file), for a reader of the committee's
 * meetings who sees every § of it unmasked; the others read it masked through the export.
 * NOT_FOUND while it is not stored, as for anything the actor may not read.
 */
export const getMinutesRecordFile = async ({ actor, minutesId }: { actor: Actor; minutesId: string }): Promise<{ bytes: Uint8Array; fileName: string; contentType: string }> => {
  const minutes = await getMinutesForExport({ actor, minutesId });
  const record = await db.generatedRecord.findUnique({ where: { meetingId_kind: { meetingId: minutes.meeting.id, kind: "MINUTES" } }, select: { subjectId: true, blobSha256: true, fileName: true } });
  const bytes = record?.subjectId === minutesId && record.blobSha256 && !minutes.masked ? await readBlob(record.blobSha256) : null;
  if (!record?.fileName || !bytes) throw new AppError("NOT_FOUND", `No stored protokoll of minutes ${minutesId} for this actor`, { userMessage: "Det arkiverade protokollet finns inte." });
  return { bytes, fileName: record.fileName, contentType: "application/pdf" };
};
