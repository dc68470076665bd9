// The remissmissiv (cover letter of a remiss sending) as frozen at sending: stored in
// referral_round.letter, validated when read, rendered by exports (one rendering for the
// preview, the PDF/A record and the DOCX). The generated records are bound to its hash.
import { z } from "@/lib/zod";

const ZIsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ZReferralLetterSchema = z.object({
  municipality: z.string(),
  /** The sending committee and the administration (or kansli) that prepares its cases. */
  sender: z.object({ committee: z.string(), organisation: z.string() }),
  caseNumber: z.string(),
  caseTitle: z.string(),
  sentDate: ZIsoDateSchema,
  /** Who answers questions about the remiss (the registrar or handläggare who sent it). */
  contact: z.object({ name: z.string(), title: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() }),
  /** The letter's body: the template filled in, as the registrar edited it. */
  text: z.string(),
  /** Every remissinstans of the sending, in the order chosen. */
  recipients: z.array(z.object({ id: z.string(), name: z.string(), dueDate: ZIsoDateSchema })),
  /** Remisshandlingar: the handlings sent along, with their handling numbers. */
  documents: z.array(z.object({ number: z.string(), description: z.string() })),
});
export type TReferralLetter = z.infer<typeof ZReferralLetterSchema>;

/** The template the registrar starts from (editable before sending). */
export const defaultReferralLetterText = ({ committee, caseTitle, caseNumber }: { committee: string; caseTitle: string; caseNumber: string }): string =>
  [
    `${committee} remitterar härmed ärendet ”${caseTitle}” för yttrande.`,
    `Yttrandet ska ha kommit in senast den dag som anges för er nedan. Ange diarienummer ${caseNumber} i svaret. Ange gärna om ni tillstyrker, avstyrker, tillstyrker med ändringar, avstår eller inte har några synpunkter.`,
    "Om ni inte är rätt remissinstans, eller behöver längre tid, kontakta oss så snart som möjligt.",
  ].join("\n\n");
