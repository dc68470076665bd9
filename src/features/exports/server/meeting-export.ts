// Exports the meeting documents — kallelse with föredragningslista, protokoll and
// protokollsutdrag — as PDF/A or DOCX for someone who may read the committee's meetings,
// and the published föredragningslista and justerade protokoll for the public.
// The meetings read models load and authorize (unknown and unreadable are the same
// NOT_FOUND) and mask the items of confidential cases the reader may not read; the
// mappings in meeting-documents.ts decide what is printed.
//
// A justering is printed only when the attestation engine accepts it (completed request,
// every step attested, intact audit events) *and* the minutes' stored content (the
// snapshot taken when they were sent for justering, its hash recomputed now) is what was
// approved. Minutes without that snapshot are not justerade. A justerat protokoll whose
// content does not match is refused rather than exported as a draft: both alternatives
// would misstate what the committee approved.
import "server-only";
import { getAttestationState } from "@/features/attestation/server";
import { getAgendaForExport, getExtractForExport, getMinutesForExport } from "@/features/meetings/server";
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { agendaFileName, agendaToDocument, extractFileName, extractToDocument, extractWithStatement, minutesFileName, minutesToDocument } from "../meeting-documents";
import { db } from "@/server/db";
import { loadStatementDocument } from "./statement-export";
import type { TExportFormat } from "../schemas";
import { renderExportFile, verificationUrlFor, type ExportedFile } from "./exported-file";

export type ExportMeetingDocumentOptions = { actor: Actor; id: string; format: TExportFormat };

/**
 * "public": the public variant for anyone, without login — only a published föredragningslista
 * and a justerat protokoll, every item of a confidential case masked as the public diarium
 * shows the case (its dnr, "Sekretessmarkerat ärende" and the OSL reference).
 */
export type ExportPublishedMeetingDocumentOptions = Omit<ExportMeetingDocumentOptions, "actor"> & { actor: Actor | "public" };

const mismatch = (what: string, minutesId: string) =>
  new AppError("INVALID_STATE", `${what}: minutes ${minutesId} are APPROVED but their content or justering does not verify`, {
    userMessage: "Protokollets innehåll stämmer inte med justeringen och kan inte exporteras. Kontakta nämndsekreteraren.",
  });

/** The justering of APPROVED minutes must verify, and bind the stored content; else refuse. */
const assertJusteringHolds = async (what: string, minutes: { id: string; contentHash: string | null; justering: { contentHash: string } | null }): Promise<void> => {
  const state = await getAttestationState({ subjectType: "MINUTES", subjectId: minutes.id });
  if (!state.attested || !state.request || !minutes.justering) throw mismatch(what, minutes.id);
  if (state.request.contentHash !== minutes.contentHash || minutes.justering.contentHash !== minutes.contentHash) throw mismatch(what, minutes.id);
};

/** Kallelse and föredragningslista of a meeting (id: the meeting). */
export const exportAgenda = async ({ actor, id, format }: ExportPublishedMeetingDocumentOptions): Promise<ExportedFile> => {
  const agenda = await getAgendaForExport({ actor, meetingId: id });
  const document = agendaToDocument(agenda);
  return renderExportFile({ document, format, fileName: agendaFileName(agenda, { draft: document.draft, format }) });
};

/**
 * The protokoll (id: the minutes) as a document, and the hash of the content it prints.
 * "system": the record kept as the meeting's file (records.ts), unmasked.
 */
export const loadMinutesDocument = async ({ actor, id }: { actor: Actor | "public" | "system"; id: string }) => {
  const minutes = await getMinutesForExport({ actor, minutesId: id });
  if (minutes.status === "APPROVED") await assertJusteringHolds("protokoll", { id, contentHash: minutes.contentHash, justering: minutes.justering });
  const document = minutesToDocument({ minutes, verificationUrl: verificationUrlFor });
  return { minutes, document, fileName: (format: TExportFormat) => minutesFileName(minutes, { draft: document.draft, format }) };
};

/** The protokoll (id: the minutes). */
export const exportMinutes = async ({ actor, id, format }: ExportPublishedMeetingDocumentOptions): Promise<ExportedFile> => {
  const { document, fileName } = await loadMinutesDocument({ actor, id });
  return renderExportFile({ document, format, fileName: fileName(format) });
};

/**
 * The protokollsutdrag of one § (id: the decision) as a document. "system": the record kept in
 * the diarium (records.ts), unmasked; its handling carries the case's secrecy marking.
 */
export const loadExtractDocument = async ({ actor, id, withStatement = false }: { actor: Actor | "system"; id: string; withStatement?: boolean }) => {
  const extract = await getExtractForExport({ actor, decisionId: id });
  if (extract.minutesStatus === "APPROVED" && extract.minutesId) {
    await assertJusteringHolds("protokollsutdrag", { id: extract.minutesId, contentHash: extract.minutesContentHash, justering: extract.justering });
  }
  const document = extractToDocument({ extract, verificationUrl: verificationUrlFor });
  const statement = withStatement ? await attestedStatementOf(actor, extract.paragraph.caseId) : null;
  const merged = statement ? extractWithStatement(document, statement.document) : document;
  return {
    extract,
    document: merged,
    /** The attested version's hash of the appended tjänsteutlåtande (null: none appended). */
    statementHash: statement?.contentHash ?? null,
    fileName: (format: TExportFormat) => extractFileName(extract, { draft: merged.draft, format }),
  };
};

/** The case's tjänsteutlåtande as attested, to go with its extract; refused when there is none. */
const attestedStatementOf = async (actor: Actor | "system", caseId: string | null) => {
  const statement = caseId ? await db.statement.findUnique({ where: { caseId }, select: { id: true } }) : null;
  const view = statement ? await loadStatementDocument({ actor, statementId: statement.id }) : null;
  if (!view?.attested) {
    throw new AppError("INVALID_STATE", `No attested statement to append to the extract (case ${caseId ?? "none"})`, {
      userMessage: "Ärendet har inget attesterat tjänsteutlåtande att skicka med protokollsutdraget.",
    });
  }
  return view;
};

/** The protokollsutdrag of one § (id: the decision). */
export const exportExtract = async ({ actor, id, format, withStatement = false }: ExportMeetingDocumentOptions & { withStatement?: boolean }): Promise<ExportedFile> => {
  const { document, fileName } = await loadExtractDocument({ actor, id, withStatement });
  return renderExportFile({ document, format, fileName: fileName(format) });
};
