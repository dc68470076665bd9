// Exports the remissmissiv of a sending (or of one instans) as PDF/A or DOCX: the same
// mapping and renderers as the record kept on the outgoing handling.
import "server-only";
import { loadReferralLetter } from "@/features/referrals/server";
import type { Actor } from "@/server/auth/actor";
import { referralLetterFileName, referralLetterToDocument } from "../referral-letter-document";
import type { TExportFormat } from "../schemas";
import { renderExportFile, type ExportedFile } from "./exported-file";

/** id: a sending (shared missiv) or an instans (its own missiv). */
export const loadReferralLetterDocument = async ({ actor, id }: { actor: Actor | "system"; id: string }) => {
  const view = await loadReferralLetter({ actor, subjectId: id });
  return { document: referralLetterToDocument(view), letterHash: view.letterHash, fileName: (format: TExportFormat) => referralLetterFileName(view, format) };
};

export const exportReferralLetter = async ({ actor, id, format }: { actor: Actor; id: string; format: TExportFormat }): Promise<ExportedFile> => {
  const { document, fileName } = await loadReferralLetterDocument({ actor, id });
  return renderExportFile({ document, format, fileName: fileName(format) });
};
