// The zod building blocks of every free-text and date field a user types: trimmed, bounded,
// with a Swedish message, and free of control characters. Control characters (and the bidi
// overrides of "trojan source" text) have no place in diarium texts: they break exports and
// can disguise what a title says. Used by the forms and the services alike.
import { z } from "@/lib/zod";

const BIDI_OVERRIDES = /[\u202A-\u202E\u2066-\u2069]/u;
const CONTROL_SINGLE_LINE = /\p{Cc}/u;
/** Multi-line text keeps its line breaks and tabs. */
const CONTROL_MULTI_LINE = /[^\P{Cc}\n\r\t]/u;
const CONTROL_MESSAGE = "Texten innehåller otillåtna styrtecken.";

type TextOptions = { multiline?: boolean };

export const hasNoControlCharacters =
  ({ multiline = false }: TextOptions = {}) =>
  (value: string): boolean =>
    !(multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(value) && !BIDI_OVERRIDES.test(value);

/** The answer to a URL whose query breaks `isSafeQueryString`. */
export const UNSAFE_QUERY_MESSAGE = "Ogiltig adress: sökparametrarna innehåller otillåtna tecken. Ta bort dem och försök igen.";

/**
 * Every name and value of a URL query ("?q=…" with or without the "?") is valid
 * percent-encoded UTF-8 (no replacement character either) and text without control
 * characters or bidi overrides. A NUL would otherwise reach PostgreSQL (which refuses it
 * in text: a 500), and a lone surrogate or C1 character has no place in a search either.
 */
export const isSafeQueryString = (search: string): boolean =>
  (search.startsWith("?") ? search.slice(1) : search).split("&").every((part) => {
    try {
      const text = decodeURIComponent(part.replaceAll("+", " "));
      // U+FFFD: what a URL parser makes of bytes that are not UTF-8 before we see them.
      return hasNoControlCharacters()(text) && !text.includes("\uFFFD");
    } catch {
      // URIError: a malformed escape, or bytes that are not UTF-8 (e.g. an encoded lone surrogate).
      return false;
    }
  });

/** A text that must be given; `missing` is the message for an empty field. */
export const requiredText = (missing: string, max: number, options: TextOptions = {}) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(max, { error: `Högst ${max} tecken.` })
    .refine(hasNoControlCharacters(options), { error: CONTROL_MESSAGE });

/** A text that may be left empty; empty becomes `undefined`. */
export const optionalText = (max: number, options: TextOptions = {}) =>
  z
    .string()
    .trim()
    .max(max, { error: `Högst ${max} tecken.` })
    .refine(hasNoControlCharacters(options), { error: CONTROL_MESSAGE })
    .optional()
    .transform((value) => (value ? value : undefined));

/** "YYYY-MM-DD" that names a real calendar day. */
export const isValidIsoDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

/** A date field (ÅÅÅÅ-MM-DD) within `[min, max]`. */
export const isoDateText = (missing: string, { min = "1900-01-01", max = "2100-12-31" }: { min?: string; max?: string } = {}) =>
  z
    .string({ error: missing })
    .min(1, { error: missing })
    .refine(isValidIsoDate, { error: "Ange ett giltigt datum (ÅÅÅÅ-MM-DD)." })
    .refine((value) => value >= min && value <= max, { error: "Datumet ligger utanför det tillåtna intervallet." });
