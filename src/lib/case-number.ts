// Diarienummer from a series' format template. Tokens: {prefix} {year} {seq} {class}.
// Examples: "{prefix} {year}/{seq}" → "HÄS 2024/123"; "{class}-{seq}-{year}" → "1.5.1-135-2024".
export type CaseNumberParts = { prefix: string; year: number; sequence: number; seqPadding: number; classCode?: string | null };

export const CASE_NUMBER_TOKENS = ["{prefix}", "{year}", "{seq}", "{class}"] as const;

/** A format must contain {year} and {seq} so that numbers are unique per series; unknown tokens are errors. */
export const validateCaseNumberFormat = (format: string): string | null => {
  if (!format.includes("{seq}")) return "Formatet måste innehålla {seq} (löpnummer).";
  if (!format.includes("{year}")) return "Formatet måste innehålla {year} (år).";
  const unknown = format.match(/\{[^}]*\}/g)?.filter((token) => !(CASE_NUMBER_TOKENS as readonly string[]).includes(token));
  if (unknown && unknown.length > 0) return `Okänd kod i formatet: ${unknown.join(", ")}. Tillåtna: ${CASE_NUMBER_TOKENS.join(" ")}.`;
  if (format.length > 60) return "Formatet får vara högst 60 tecken.";
  return null;
};

export const formatCaseNumber = (format: string, parts: CaseNumberParts): string => {
  if (format.includes("{class}") && !parts.classCode) {
    throw new Error("The series' format uses {class}, but the case has no classification");
  }
  return format
    .replaceAll("{prefix}", parts.prefix)
    .replaceAll("{year}", String(parts.year))
    .replaceAll("{seq}", String(parts.sequence).padStart(parts.seqPadding, "0"))
    .replaceAll("{class}", parts.classCode ?? "");
};

/** Handlingar are numbered within their case: "HÄS 2024/123-4". */
export const formatDocumentNumber = (caseNumber: string, number: number): string => `${caseNumber}-${number}`;
