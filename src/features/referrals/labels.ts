import type { ReferralPosition, ReferralRecipientStatus } from "@/generated/prisma/enums";

export const REFERRAL_POSITION_LABELS: Record<ReferralPosition, string> = {
  SUPPORTS: "Tillstyrker",
  OPPOSES: "Avstyrker",
  SUPPORTS_WITH_CHANGES: "Tillstyrker med ändringar",
  ABSTAINS: "Avstår",
  NO_COMMENTS: "Inga synpunkter",
};

export const REFERRAL_STATUS_LABELS: Record<ReferralRecipientStatus, string> = {
  SENT: "Skickad",
  ACCEPTED: "Mottagen",
  RETURNED: "Återsänd",
  ANSWERED: "Besvarad",
};
