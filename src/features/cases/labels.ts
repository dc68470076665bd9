// Swedish names of the case enums, shared by the case page, the registration form and lists.
import type { CaseKind, CaseStatus, DeadlineKind, DocumentDirection } from "@/generated/prisma/enums";

export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  MOTION_REFERRAL: "Remiss av motion",
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
