import type { StatementStatus } from "@/generated/prisma/enums";

export const STATEMENT_STATUS_LABELS: Record<StatementStatus, string> = {
  DRAFT: "Utkast",
  IN_ATTESTATION: "På attestering",
  ATTESTED: "Attesterat",
};
