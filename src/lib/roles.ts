import type { Role } from "@/generated/prisma/enums";

export const ROLE_LABELS: Record<Role, string> = {
  CASE_OFFICER: "Handläggare",
  REGISTRAR: "Registrator",
  DEPARTMENT_HEAD: "Avdelningschef",
  DIRECTOR: "Förvaltningschef",
  COMMITTEE_SECRETARY: "Nämndsekreterare",
  CHAIR: "Ordförande",
  MINUTES_CHECKER: "Justerare",
  ADMIN: "Administratör",
};
