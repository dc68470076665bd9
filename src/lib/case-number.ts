// Diarienummer from a series' format template. Tokens: {prefix} {year} {yy} {seq} {class},
// in any order with any separators between them.
// Examples: "{prefix} {year}/{seq}" → "HÄS 2024/123"; "{class}-{seq}-{year}" → "1.5.1-135-2024";
// "{class}-{yy}/{seq}" → "1.5.1-26/7".
export type CaseNumberParts = { prefix: string; year: number; sequence: number; seqPadding: number; classCode?: string | null };

export const CASE_NUMBER_TOKENS = ["{prefix}", "{year}", "{yy}", "{seq}", "{class}"] as const;
type Token = (typeof CASE_NUMBER_TOKENS)[number];

/** The handling suffix most registries use: "HÄS 2024/123-4". */
export const DEFAULT_DOCUMENT_NUMBER_FORMAT = "{number}-{n}";
export const DOCUMENT_NUMBER_TOKENS = ["{number}", "{n}"] as const;

type Piece = { token: Token } | { literal: string };

const splitFormat = (format: string): Piece[] =>
  format
    .split(/(\{[^}]*\})/)
    .filter((part) => part !== "")
    .map((part) => ((CASE_NUMBER_TOKENS as readonly string[]).includes(part) ? { token: part as Token } : { literal: part }));

const countOf = (format: string, token: string) => format.split(token).length - 1;

/** A format must contain {seq} and one year token so that numbers are unique per series; unknown tokens are errors. */
export const validateCaseNumberFormat = (format: string): string | null => {
  const unknown = format.match(/\{[^}]*\}/g)?.filter((token) => !(CASE_NUMBER_TOKENS as readonly string[]).includes(token));
  if (unknown && unknown.length > 0) return `Okänd kod i formatet: ${unknown.join(", ")}. Tillåtna: ${CASE_NUMBER_TOKENS.join(" ")}.`;
  if (!format.includes("{seq}")) return "Formatet måste innehålla {seq} (löpnummer).";
  if (!format.includes("{year}") && !format.includes("{yy}")) return "Formatet måste innehålla {year} (år, 2026) eller {yy} (år, 26).";
  const repeated = CASE_NUMBER_TOKENS.filter((token) => countOf(format, token) > 1);
  if (repeated.length > 0) return `Varje kod får förekomma en gång: ${repeated.join(", ")}.`;
  if (format.includes("{year}") && format.includes("{yy}")) return "Använd antingen {year} eller {yy}, inte båda.";
  // Two adjacent digit tokens could not be told apart when a number is read back.
  const pieces = splitFormat(format);
  const digitTokens: readonly Token[] = ["{year}", "{yy}", "{seq}", "{class}"];
  for (const [index, after] of pieces.entries()) {
    const before = pieces[index - 1];
    if (before && "token" in before && "token" in after && digitTokens.includes(before.token) && digitTokens.includes(after.token)) {
      return `Sätt ett skiljetecken mellan ${before.token} och ${after.token}.`;
    }
  }
  if (format.length > 60) return "Formatet får vara högst 60 tecken.";
  return null;
};

export const formatCaseNumber = (format: string, parts: CaseNumberParts): string => {
  if (format.includes("{class}") && !parts.classCode) {
    throw new Error("The series' format uses {class}, but the case has no classification");
  }
  return splitFormat(format)
    .map((piece) => {
      if ("literal" in piece) return piece.literal;
      switch (piece.token) {
        case "{prefix}":
          return parts.prefix;
        case "{year}":
          return String(parts.year);
        case "{yy}":
          return String(parts.year % 100).padStart(2, "0");
        case "{seq}":
          return String(parts.sequence).padStart(parts.seqPadding, "0");
        case "{class}":
          return parts.classCode ?? "";
      }
    })
    .join("");
};

export type ParsedCaseNumber = { year: number; sequence: number; classCode: string | null };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Reads a number written in a series' format: year, serial and class. A two-digit year is
 * placed in the century that makes it no later than `referenceYear`. Only the exact form
 * the series would print is accepted ("KS 2026/07" is not "KS 2026/7" without padding).
 */
export const parseCaseNumber = (
  value: string,
  series: { format: string; prefix: string; seqPadding: number },
  referenceYear: number,
): ParsedCaseNumber | null => {
  const pieces = splitFormat(series.format);
  const pattern = pieces
    .map((piece) => {
      if ("literal" in piece) return escapeRegExp(piece.literal);
      switch (piece.token) {
        case "{prefix}":
          return escapeRegExp(series.prefix);
        case "{year}":
          return "(?<year>\\d{4})";
        case "{yy}":
          return "(?<yy>\\d{2})";
        case "{seq}":
          return "(?<seq>\\d+)";
        case "{class}":
          // KLASSA codes: digits with dots, e.g. "1.5.1".
          return "(?<class>\\d+(?:\\.\\d+){0,4})";
      }
    })
    .join("");
  const groups = new RegExp(`^${pattern}$`).exec(value.trim())?.groups;
  if (!groups?.seq) return null;
  const sequence = Number(groups.seq);
  let year = Number(groups.year);
  if (groups.yy !== undefined) {
    const yy = Number(groups.yy);
    year = Math.floor(referenceYear / 100) * 100 + yy;
    if (year > referenceYear) year -= 100;
  }
  const classCode = groups.class ?? null;
  if (!Number.isInteger(sequence) || sequence < 1 || !Number.isInteger(year)) return null;
  const parsed = { year, sequence, classCode };
  // Reject what the series would never print (wrong padding, leading zeros).
  return formatCaseNumber(series.format, { ...series, ...parsed }) === value.trim() ? parsed : null;
};

// ─── Overlap between formats ────────────────────────────────────────────────
// Two series of one municipality must never be able to print the same number, and a
// handling number must never read as a case number. Each format becomes a small automaton
// over character sets; the product is searched for a common accepted string.

type CharSet = { kind: "digit" } | { kind: "classChar" } | { kind: "literal"; char: string };
type Step = { set: CharSet; repeat: boolean };

const DIGIT: CharSet = { kind: "digit" };

const literalSteps = (text: string): Step[] => [...text].map((char) => ({ set: { kind: "literal", char }, repeat: false }));

const digits = (count: number): Step[] => Array.from({ length: count }, () => ({ set: DIGIT, repeat: false }));

const caseNumberSteps = (series: { format: string; prefix: string; seqPadding: number }): Step[] =>
  splitFormat(series.format).flatMap((piece): Step[] => {
    if ("literal" in piece) return literalSteps(piece.literal);
    switch (piece.token) {
      case "{prefix}":
        return literalSteps(series.prefix);
      case "{year}":
        return digits(4);
      case "{yy}":
        return digits(2);
      case "{seq}":
        return [...digits(Math.max(series.seqPadding, 1)), { set: DIGIT, repeat: true }];
      case "{class}":
        return [{ set: DIGIT, repeat: false }, { set: { kind: "classChar" }, repeat: true }];
    }
  });

const matches = (set: CharSet, char: string): boolean => {
  switch (set.kind) {
    case "digit":
      return /^\d$/.test(char);
    case "classChar":
      return /^[\d.]$/.test(char);
    case "literal":
      return set.char === char;
  }
};

/** True when some string is accepted by both step lists. */
const intersects = (left: Step[], right: Step[]): boolean => {
  const alphabet = new Set(["0", "."]);
  for (const step of [...left, ...right]) if (step.set.kind === "literal") alphabet.add(step.set.char);
  // Skipping a repeated step is an epsilon move; a state is a pair of positions.
  const closure = (steps: Step[], position: number): number[] => {
    const reachable = [position];
    for (let at = position; steps[at]?.repeat; at += 1) reachable.push(at + 1);
    return reachable;
  };
  const seen = new Set<string>();
  const queue: [number, number][] = [[0, 0]];
  while (queue.length > 0) {
    const [start, end] = queue.shift()!;
    for (const i of closure(left, start)) {
      for (const j of closure(right, end)) {
        const key = `${i}:${j}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const [a, b] = [left[i], right[j]];
        if (!a && !b) return true;
        if (!a || !b) continue;
        if ([...alphabet].some((char) => matches(a.set, char) && matches(b.set, char))) {
          queue.push([a.repeat ? i : i + 1, b.repeat ? j : j + 1]);
        }
      }
    }
  }
  return false;
};

type SeriesFormat = { format: string; prefix: string; seqPadding: number };

/** Could the two series ever print the same diarienummer? */
export const seriesFormatsOverlap = (left: SeriesFormat, right: SeriesFormat): boolean => intersects(caseNumberSteps(left), caseNumberSteps(right));

export const validateDocumentNumberFormat = (format: string): string | null => {
  const unknown = format.match(/\{[^}]*\}/g)?.filter((token) => !(DOCUMENT_NUMBER_TOKENS as readonly string[]).includes(token));
  if (unknown && unknown.length > 0) return `Okänd kod i handlingsnumret: ${unknown.join(", ")}. Tillåtna: ${DOCUMENT_NUMBER_TOKENS.join(" ")}.`;
  if (countOf(format, "{number}") !== 1 || countOf(format, "{n}") !== 1) return "Handlingsnumret ska innehålla {number} (diarienumret) och {n} (handlingens nummer) en gång var.";
  if (format.length > 30) return "Handlingsnumret får vara högst 30 tecken.";
  return null;
};

const documentNumberSteps = (series: SeriesFormat & { documentNumberFormat: string }): Step[] =>
  series.documentNumberFormat
    .split(/(\{number\}|\{n\})/)
    .filter((part) => part !== "")
    .flatMap((part): Step[] => {
      if (part === "{number}") return caseNumberSteps(series);
      if (part === "{n}") return [{ set: DIGIT, repeat: false }, { set: DIGIT, repeat: true }];
      return literalSteps(part);
    });

/** Could a handling number of the series be read as one of its diarienummer? */
export const documentNumberLooksLikeCaseNumber = (series: SeriesFormat & { documentNumberFormat: string }): boolean =>
  intersects(documentNumberSteps(series), caseNumberSteps(series));

/** Handlingar are numbered within their case per the series' format: "HÄS 2024/123-4", "1.5.1-26/7:4". */
export const formatDocumentNumber = (caseNumber: string, number: number, format: string): string =>
  format.replace("{number}", caseNumber).replace("{n}", String(number));
