import type { AttestationRequestStatus, AttestationStepStatus } from "@/generated/prisma/enums";

export const STEP_STATUS_LABELS: Record<AttestationStepStatus, string> = {
  WAITING: "Väntar",
  ATTESTED: "Attesterat",
  RETURNED: "Återsänt",
  INVALIDATED: "Ogiltigförklarat",
};

export const REQUEST_STATUS_LABELS: Record<AttestationRequestStatus, string> = {
  PENDING: "På attestering",
  COMPLETED: "Attesterad",
  RETURNED: "Återsänd",
  WITHDRAWN: "Återkallad",
};

export const STATEMENT_STATUS_LABELS = { DRAFT: "Utkast", IN_ATTESTATION: "På attestering", ATTESTED: "Attesterad" } as const;

