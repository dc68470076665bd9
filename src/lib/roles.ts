import type { Role } from "@/generated/prisma/enums";

/**
 * The one name of each role, in the header, tables, forms and documents alike (the
 * director is "stadsdelsdirektör" everywhere, as the reference tjänsteutlåtande signs).
 */
export const ROLE_LABELS: Record<Role, string> = {
  CASE_OFFICER: "Handläggare",
  REGISTRAR: "Registrator",
  DEPARTMENT_HEAD: "Avdelningschef",
  DIRECTOR: "Stadsdelsdirektör",
  COMMITTEE_SECRETARY: "Nämndsekreterare",
  CHAIR: "Ordförande",
  MINUTES_CHECKER: "Justerare",
  ADMIN: "Administratör",
};

/** A role as a title in running text and signatures, lower-case: "Lee Orberson, stadsdelsdirektör". */
export const roleTitle = (role: Role): string => ROLE_LABELS[role].toLocaleLowerCase("sv-SE");
