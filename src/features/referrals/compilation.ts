// What the Remissammanställning says about each remissinstans: one sentence per instans from
// its status, ställningstagande and summary (the sender's handläggare quotes from it). Pure:
// the statements feature turns it into the section's paragraphs and merges it with edits.
import type { ReferralPosition, ReferralRecipientStatus } from "@/generated/prisma/enums";
import { secrecyMarking } from "@/features/cases/secrecy";

export type CompilationInstance = {
  recipientId: string;
  name: string;
  status: ReferralRecipientStatus;
  /** ÅÅÅÅ-MM-DD */
  dueDate: string;
  answeredDate: string | null;
  position: ReferralPosition | null;
  summary: string | null;
  /** The answer's handling's own secrecy marking: its position and summary are not quoted. */
  answerSecrecyReference: string | null;
};

/** The ställningstagande as the predicate of a sentence about the instans. */
const POSITION_PREDICATES: Record<ReferralPosition, string> = {
  SUPPORTS: "tillstyrker",
  OPPOSES: "avstyrker",
  SUPPORTS_WITH_CHANGES: "tillstyrker med ändringar",
  ABSTAINS: "avstår från att yttra sig",
  NO_COMMENTS: "har inga synpunkter",
};

const withSummary = (sentence: string, summary: string | null): string => {
  const quoted = summary?.trim();
  return quoted ? `${sentence} ${/[.!?]$/.test(quoted) ? quoted : `${quoted}.`}` : sentence;
};

/** The instans' paragraph after its name: "tillstyrker med ändringar (svar 2024-06-20). …". */
export const compilationSentence = (instance: CompilationInstance): string => {
  switch (instance.status) {
    case "ANSWERED": {
      const when = instance.answeredDate ? ` (svar ${instance.answeredDate})` : "";
      // The tjänsteutlåtande does not carry the answer's marking: a secret answer is only named.
      if (instance.answerSecrecyReference !== null) return `har svarat${when}. Svaret är sekretessmarkerat (${secrecyMarking(instance.answerSecrecyReference)}).`;
      return withSummary(instance.position ? `${POSITION_PREDICATES[instance.position]}${when}.` : `har svarat${when}.`, instance.summary);
    }
    case "RETURNED":
      return "skickade tillbaka remissen utan att yttra sig.";
    case "SENT":
    case "ACCEPTED":
      return `har inte svarat (remisstid ${instance.dueDate}).`;
  }
};
