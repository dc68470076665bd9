// Structured logs (pino): one JSON object per line on stdout, for the platform to collect.
// Nothing a log line carries may be a secret: values under sensitive keys (password,
// token, secret, cookie, authorization, personnummer …) are replaced at any depth, and
// anything shaped like a personnummer or samordningsnummer is masked in every string —
// the message, details and error messages and stacks (a database error can quote a value).
// Callers log ids and counts, never the text of a case or document.
import pino from "pino";

const SENSITIVE_KEY = /pass(word|wd)?|token|secret|cookie|authori[sz]ation|credential|session|personnummer|pnr|ssn/i;
// YYMMDD or YYYYMMDD, then -, + or nothing, then four digits; day 61–91 is a samordningsnummer.
const PERSONAL_IDENTITY_NUMBER = /\b(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+]?\d{4}\b/g;
const REDACTED = "[borttaget]";
const MAX_DEPTH = 8;

const maskText = (text: string): string => text.replace(PERSONAL_IDENTITY_NUMBER, REDACTED);

/** A copy of `value` fit for a log line (see the rules above). */
export const redactForLog = (value: unknown, depth = 0): unknown => {
  if (typeof value === "string") return maskText(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[…]";
  if (value instanceof Error) {
    return { name: value.name, message: maskText(value.message), ...(value.stack ? { stack: maskText(value.stack) } : {}) };
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => redactForLog(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, SENSITIVE_KEY.test(key) ? REDACTED : redactForLog(item, depth + 1)]),
  );
};

const base = pino(
  {
    messageKey: "message",
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  },
  // process.stdout rather than a raw file descriptor: the same stream every other line of the process uses.
  process.stdout,
);

const write = (level: "info" | "warn" | "error", message: string, detail?: unknown) => {
  const fields = detail === undefined ? {} : detail instanceof Error ? { error: redactForLog(detail) } : { detail: redactForLog(detail) };
  base[level](fields, maskText(message));
};

export const logger = {
  info: (message: string, detail?: unknown) => write("info", message, detail),
  warn: (message: string, detail?: unknown) => write("warn", message, detail),
  error: (message: string, detail?: unknown) => write("error", message, detail),
};
