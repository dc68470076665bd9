// A tjänsteutlåtande's content masked for one viewer, by the one set of secrecy rules in
// cases/secrecy.ts (the mask comes from server/statement-secrecy.ts). Pure: the exports'
// document model applies it too.
import { CONFIDENTIAL_CASE_TITLE, masksAnything, secrecyMarking, secrecyNotice, type SecrecyMask } from "@/features/cases/secrecy";
import { doc, paragraph } from "./rich-text";
import type { TStatementContent } from "./schemas";

/**
 * A tjänsteutlåtande as the viewer may see it. A hidden case keeps the dnr, the committee and
 * the signatories (the organisation), nothing that describes the matter: no title, subtitle
 * (it names the referring body), handläggare, beslutspunkter, text or bilaga descriptions.
 * A hidden handling keeps its number in Bilagor, not its description.
 */
export const maskStatementContent = (content: TStatementContent, mask: SecrecyMask): TStatementContent => {
  if (!masksAnything(mask)) return content;
  const maskAttachment = (attachment: TStatementContent["attachments"][number]) => {
    const reference = mask.case ?? mask.documents.get(attachment.documentId);
    return reference ? { ...attachment, description: `${attachment.number} – ${secrecyMarking(reference)}` } : attachment;
  };
  if (!mask.case) return { ...content, attachments: content.attachments.map(maskAttachment) };
  const notice = secrecyNotice(mask.case);
  return {
    ...content,
    header: { ...content.header, title: CONFIDENTIAL_CASE_TITLE, subtitle: "", caseOfficerName: "", caseOfficerPhone: "", coOfficerNames: undefined },
    decisionPoints: content.decisionPoints.length > 0 ? [{ text: notice }] : [],
    sections: content.sections.map((section) => (section.body.content.length > 0 ? { ...section, body: doc(paragraph(notice)) } : section)),
    attachments: content.attachments.map(maskAttachment),
  };
};
