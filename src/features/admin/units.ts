// Kinds of organisational unit as the admin pages name them. Client-safe (no server imports).
export const UNIT_TYPES = ["MUNICIPALITY", "COMMITTEE", "ADMINISTRATION", "DEPARTMENT"] as const;
export type TUnitType = (typeof UNIT_TYPES)[number];

export const UNIT_TYPE_LABELS: Record<TUnitType, string> = {
  MUNICIPALITY: "Kommun",
  COMMITTEE: "Nämnd",
  ADMINISTRATION: "Förvaltning",
  DEPARTMENT: "Avdelning",
};

/** Unit keys in forms: "<kind>:<id>", e.g. "DEPARTMENT:has-sos". */
export const unitKey = (type: TUnitType, unitId: string): string => `${type}:${unitId}`;
