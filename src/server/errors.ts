// One error type for everything a service refuses. `userMessage` is Swedish and safe to
// show; `message` is for the log. Unknown errors never reach the user with their details.
import { Prisma } from "@/generated/prisma/client";

export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "UNAUTHENTICATED" | "INVALID_STATE" | "CONFLICT" | "VALIDATION" | "RATE_LIMITED";

const DEFAULT_USER_MESSAGES: Record<AppErrorCode, string> = {
  NOT_FOUND: "Det du söker finns inte, eller så saknar du behörighet att se det.",
  FORBIDDEN: "Du saknar behörighet för detta.",
  UNAUTHENTICATED: "Du behöver logga in.",
  INVALID_STATE: "Åtgärden går inte att utföra i det här läget.",
  CONFLICT: "Någon annan har ändrat samma uppgifter. Läs in sidan på nytt.",
  VALIDATION: "Kontrollera uppgifterna och försök igen.",
  RATE_LIMITED: "För många försök. Vänta en stund och försök igen.",
};

const HTTP_STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  INVALID_STATE: 409,
  CONFLICT: 409,
  VALIDATION: 400,
  RATE_LIMITED: 429,
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  /** Field messages (Swedish) for forms, keyed by field path. */
  readonly fieldErrors: Record<string, string[]> | undefined;

  constructor(code: AppErrorCode, message: string, options: { userMessage?: string; fieldErrors?: Record<string, string[]>; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.userMessage = options.userMessage ?? DEFAULT_USER_MESSAGES[code];
    this.fieldErrors = options.fieldErrors;
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }
}

/** Maps database errors that have a meaning for the user (unique and missing rows); others pass through. */
export const toAppError = (error: unknown): unknown => {
  if (error instanceof AppError) return error;
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return new AppError("CONFLICT", `Unique constraint failed: ${error.message}`, { cause: error, userMessage: "Uppgiften finns redan." });
    if (error.code === "P2025") return new AppError("NOT_FOUND", `Record not found: ${error.message}`, { cause: error });
  }
  return error;
};
