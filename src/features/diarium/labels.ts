// Swedish labels for the diarium's enums (what users see; code keeps the English names).
import type { CaseStatus, DeadlineKind, DocumentDirection } from "@/generated/prisma/enums";

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  OPEN: "Öppet",
  CLOSED: "Avslutat",
  MISREGISTERED: "Felregistrerat",
};

export const DOCUMENT_DIRECTION_LABELS: Record<DocumentDirection, string> = {
  INCOMING: "Inkommande",
  DRAWN_UP: "Upprättad",
  OUTGOING: "Utgående",
};

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  REFERRAL_DUE: "Remisstid",
  MOTION_ONE_YEAR: "Motion ett år (KL 5 kap. 35 §)",
  OTHER: "Övrigt",
};

export const MOTION_ONE_YEAR_WARNING = "Motionen ska besvaras inom ett år från att den väcktes";
