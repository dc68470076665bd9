// Forms on both sides: zod issues as the field messages forms show: keyed by field path
// ("definition.sections.0.heading"), "_form" for the form as a whole. Pure, so the server
// (actions, services) and the browser (a form checking itself before sending) use the same.
import type { z } from "zod";

export const INVALID_INPUT_MESSAGE = "Kontrollera de markerade fälten.";

/** Messages by field path; `prefix` places a nested schema's fields. */
export const zodFieldErrors = (error: z.ZodError, prefix: readonly string[] = []): Record<string, string[]> => {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = [...prefix, ...issue.path.map(String)].join(".") || "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
};

/** The field messages of `input` against `schema`, or null when it fits (a form's check before sending). */
export const fieldErrorsOf = (schema: z.ZodType, input: unknown): Record<string, string[]> | null => {
  const parsed = schema.safeParse(input);
  return parsed.success ? null : zodFieldErrors(parsed.error);
};

// Passwords are never sent back into a page: "password", "currentPassword", "newPassword", …
const neverEchoed = (name: string): boolean => /password/i.test(name);

/** What was typed, to fill a form again after a refused submit (React resets a form after its action). */
export const echoValues = (form: FormData): Record<string, string> =>
  Object.fromEntries(
    [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string" && !entry[0].startsWith("$ACTION") && !neverEchoed(entry[0])),
  );
