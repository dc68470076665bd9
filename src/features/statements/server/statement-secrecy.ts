// The secrecy mask of a tjänsteutlåtande for one viewer: its case's, and that of the
// handlingar listed as its bilagor (cases/server/secrecy-access.ts decides who may see what).
import "server-only";
import type { Db, Tx } from "@/server/db";
import { secrecyMaskFor, type CaseSecrecyRow, type SecrecyViewer } from "@/features/cases/server";
import type { SecrecyMask } from "@/features/cases/secrecy";
import type { TStatementContent } from "../schemas";
import { maskStatementContent } from "../secrecy";

/** The mask of a statement's content: its case and the handlingar listed as bilagor (their marking now). */
export const statementSecrecyMask = async (client: Db | Tx, viewer: SecrecyViewer, caseRow: CaseSecrecyRow, contents: readonly TStatementContent[]): Promise<SecrecyMask> => {
  const ids = [...new Set(contents.flatMap((content) => content.attachments.map((attachment) => attachment.documentId)))];
  const documents = ids.length > 0 ? await client.caseDocument.findMany({ where: { id: { in: ids }, secrecyReference: { not: null } }, select: { id: true, secrecyReference: true } }) : [];
  return secrecyMaskFor(viewer, caseRow, documents);
};

/** The statement's content as the viewer may see it. */
export const statementContentFor = async (client: Db | Tx, viewer: SecrecyViewer, caseRow: CaseSecrecyRow, content: TStatementContent): Promise<TStatementContent> =>
  maskStatementContent(content, await statementSecrecyMask(client, viewer, caseRow, [content]));

export type SecrecyMarking = { secrecyReference: string | null; secrecyReason: string | null };

/**
 * The marking of a handling that keeps the whole statement (the attested record, a dispatch
 * that sends it): the case's, else that of its first confidential bilaga — the record names
 * its bilagor in full, so it is read under the same rule as they are.
 */
export const statementSecrecyMarking = async (client: Db | Tx, caseRow: SecrecyMarking, content: TStatementContent): Promise<SecrecyMarking> => {
  if (caseRow.secrecyReference) return { secrecyReference: caseRow.secrecyReference, secrecyReason: caseRow.secrecyReason };
  const ids = content.attachments.map((attachment) => attachment.documentId);
  const secret = ids.length > 0 ? await client.caseDocument.findFirst({ where: { id: { in: ids }, secrecyReference: { not: null } }, orderBy: { number: "asc" }, select: { secrecyReference: true, secrecyReason: true } }) : null;
  return secret ?? { secrecyReference: null, secrecyReason: null };
};
