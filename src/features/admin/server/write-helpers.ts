// Shared plumbing of the admin services: input parsing with Swedish field messages and
// unique-constraint violations turned into a field message.
import "server-only";
import type { z } from "zod";
import { AppError, toAppError } from "@/server/errors";

/** Parses a service input with its strict schema; VALIDATION with field messages when it does not fit. */
export const parseInput = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new AppError("VALIDATION", "Invalid admin input", { userMessage: "Kontrollera de markerade fälten.", fieldErrors });
};

/** A field error the form shows next to the field. */
export const fieldError = (code: "VALIDATION" | "CONFLICT", field: string, message: string): AppError =>
  new AppError(code, `${field}: ${message}`, { userMessage: message, fieldErrors: { [field]: [message] } });

/** Runs a write; a unique violation (P2002) becomes CONFLICT with the given field message. */
export const withUniqueMessage = async <T>(write: () => Promise<T>, field: string, message: string): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    const mapped = toAppError(error);
    if (mapped instanceof AppError && mapped.code === "CONFLICT" && mapped.userMessage === "Uppgiften finns redan.") {
      throw fieldError("CONFLICT", field, message);
    }
    throw mapped;
  }
};

/** The conditional write found no row with the expected updatedAt: someone else saved first. */
export const staleWrite = (entity: string, id: string): AppError =>
  new AppError("CONFLICT", `${entity} ${id} was changed by someone else`, {
    userMessage: "Någon annan har ändrat uppgifterna medan du skrev. Läs in sidan på nytt och gör ändringen igen.",
  });
