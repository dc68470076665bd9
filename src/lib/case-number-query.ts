// A diarienummer as people type it in a search field: "HÄS 2024/123", "2024/123",
// "has 2024-123", "HÄS 2024:123" or the year last, "123/2024" (as in "1.5.1-123-2024").
// Search turns it into the case's year and sequence, which every series format contains.

export type CaseNumberQuery = {
  year: number;
  sequence: number;
  /** The series prefix typed before the year ("has"), lower-case without accents; null when none. */
  prefix: string | null;
};

const foldAccents = (text: string): string => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

const isYear = (digits: string): boolean => /^(19|20)\d\d$/.test(digits);

const YEAR_FIRST = /^(?:([\p{L}][\p{L}.]{0,11})\s*)?(\d{4})\s*[/:\-–]\s*(\d{1,7})$/u;
const YEAR_LAST = /^(?:[\p{L}\d.]{1,12}\s*[-\s]\s*)?(\d{1,7})\s*[/\-–]\s*(\d{4})$/u;

/** The case number in a search text, or null when the text is not (only) a case number. */
export const parseCaseNumberQuery = (text: string): CaseNumberQuery | null => {
  const trimmed = text.trim().replace(/\s+/g, " ");
  const yearFirst = YEAR_FIRST.exec(trimmed);
  if (yearFirst && isYear(yearFirst[2]!)) {
    return { year: Number(yearFirst[2]), sequence: Number(yearFirst[3]), prefix: yearFirst[1] ? foldAccents(yearFirst[1]) : null };
  }
  const yearLast = YEAR_LAST.exec(trimmed);
  if (yearLast && isYear(yearLast[2]!)) return { year: Number(yearLast[2]), sequence: Number(yearLast[1]), prefix: null };
  return null;
};
