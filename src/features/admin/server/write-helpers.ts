// Shared plumbing of the admin services: unique-constraint violations turned into a field
// message, names taken in a unit's scope, and stale conditional writes.
import "server-only";
import { escapeLike } from "@/lib/like";
import { AppError, toAppError } from "@/server/errors";

/** A field error the form shows next to the field. */
export const fieldError = (code: "VALIDATION" | "CONFLICT", field: string, message: string): AppError =>
  new AppError(code, `${field}: ${message}`, { userMessage: message, fieldErrors: { [field]: [message] } });

/**
 * The same name whatever its case, without the row `exceptId`. Prisma compares insensitively with
 * ILIKE and leaves `%`, `_` and `\` in the value as wildcards: they are escaped here.
 */
export const sameName = (name: string, exceptId?: string) => ({ name: { equals: escapeLike(name), mode: "insensitive" as const }, ...(exceptId ? { id: { not: exceptId } } : {}) });

/**
 * A name that another unit of the same scope already has, compared without regard to case: a
 * field message, since lists and choices name units by name alone (two "Socialnämnden" in a list
 * of units cannot be told apart). `others` counts them, without the unit being renamed.
 */
export const assertNameFree = async (others: Promise<number>, message: string): Promise<void> => {
  if ((await others) > 0) throw fieldError("CONFLICT", "name", message);
};

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
