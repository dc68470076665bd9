// zod at the entrance of every service: scripts, jobs, tests and actions call the same
// functions, so each validates its own input and answers VALIDATION with Swedish field
// messages (the form shows them next to their fields; "_form" is the form as a whole).
import type { z } from "zod";
import { INVALID_INPUT_MESSAGE, zodFieldErrors } from "@/lib/field-errors";
import { AppError } from "@/server/errors";

export const validationError = (fieldErrors: Record<string, string[]>, message = INVALID_INPUT_MESSAGE): AppError =>
  new AppError("VALIDATION", `Invalid input: ${Object.keys(fieldErrors).join(", ")}`, { userMessage: message, fieldErrors });

/** Parses a service input with its (strict) schema; VALIDATION with field messages when it does not fit. */
export const parseInput = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(zodFieldErrors(parsed.error));
  return parsed.data;
};
