import "server-only";
import type { z } from "zod";
import { AppError } from "@/server/errors";

export const fieldErrorsOf = (error: z.ZodError): Record<string, string[]> => {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
};

/** Services validate their input themselves: scripts, jobs and tests call them without an action in front. */
export const parseInput = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("VALIDATION", "Invalid input", { userMessage: "Kontrollera de markerade fälten.", fieldErrors: fieldErrorsOf(parsed.error) });
  }
  return parsed.data;
};

export const validationError = (fieldErrors: Record<string, string[]>, message = "Kontrollera de markerade fälten."): AppError =>
  new AppError("VALIDATION", `Invalid input: ${Object.keys(fieldErrors).join(", ")}`, { userMessage: message, fieldErrors });
