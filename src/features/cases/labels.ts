// Swedish names of the case enums, shared by the case page, the registration form and lists.
import type { CaseKind, CaseStatus, DeadlineKind, DocumentDirection, MotionProposedAction } from "@/generated/prisma/enums";

export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  MOTION_REFERRAL: "Remiss av motion",
  MOTION: "Motion",
  AGENCY_REFERRAL: "Remiss från annan myndighet",
  LETTER: "Skrivelse",
  OTHER: "Övrigt",
};

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  OPEN: "Öppet",
  CLOSED: "Avslutat",
  MISREGISTERED: "Felregistrerat",
};

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  REFERRAL_DUE: "Remisstid",
  MOTION_ONE_YEAR: "Motion ska besvaras inom ett år",
  OTHER: "Bevakning",
};

export const DOCUMENT_DIRECTION_LABELS: Record<DocumentDirection, string> = {
  INCOMING: "Inkommande",
  DRAWN_UP: "Upprättad",
  OUTGOING: "Utgående",
};

/** The presidium's/KS' proposal on a motion, as it reads after "Förslag:". */
export const MOTION_PROPOSED_ACTION_LABELS: Record<MotionProposedAction, string> = {
  REFER: "Remittera motionen",
  ANSWER: "Besvara motionen",
  APPROVE: "Bifalla motionen",
  REJECT: "Avslå motionen",
  CONSIDERED_ANSWERED: "Anse motionen besvarad",
};
