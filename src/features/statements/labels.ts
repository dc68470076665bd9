import type { StatementStatus } from "@/generated/prisma/enums";
import { ROLE_LABELS } from "@/lib/roles";
import type { TPrefill, TSectionKind, TSignatoryRole } from "./schemas";

export const STATEMENT_STATUS_LABELS: Record<StatementStatus, string> = {
  DRAFT: "Utkast",
  IN_ATTESTATION: "På attestering",
  ATTESTED: "Attesterat",
};

/** The kinds of a template section, as the admin form names them. */
export const SECTION_KIND_LABELS: Record<TSectionKind, string> = {
  DECISION_POINTS: "Förslag till beslut",
  RICH_TEXT: "Text",
  ATTACHMENTS: "Bilagor",
};

/** What a text section starts with when a statement is created. */
export const PREFILL_LABELS: Record<TPrefill, string> = {
  NONE: "Ingen",
  MOTION: "Motionen",
  PREPARATION: "Beredningen",
};

export const SIGNATORY_ROLE_LABELS: Record<TSignatoryRole, string> = {
  DIRECTOR: ROLE_LABELS.DIRECTOR,
  DEPARTMENT_HEAD: ROLE_LABELS.DEPARTMENT_HEAD,
};
