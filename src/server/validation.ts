// zod at the entrance of every service: scripts, jobs, tests and actions call the same
// functions, so each validates its own input and answers VALIDATION with Swedish field
// messages (the form shows them next to their fields; "_form" is the form as a whole).
import type { z } from "zod";
import { AppError } from "@/server/errors";

export const INVALID_INPUT_MESSAGE = "Kontrollera de markerade fälten.";

/** Messages by field path ("definition.sections.0.heading"); `prefix` places a nested schema's fields. */
export const zodFieldErrors = (error: z.ZodError, prefix: readonly string[] = []): Record<string, string[]> => {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = [...prefix, ...issue.path.map(String)].join(".") || "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
};

export const validationError = (fieldErrors: Record<string, string[]>, message = INVALID_INPUT_MESSAGE): AppError =>
  new AppError("VALIDATION", `Invalid input: ${Object.keys(fieldErrors).join(", ")}`, { userMessage: message, fieldErrors });

/** Parses a service input with its (strict) schema; VALIDATION with field messages when it does not fit. */
export const parseInput = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(zodFieldErrors(parsed.error));
  return parsed.data;
};
