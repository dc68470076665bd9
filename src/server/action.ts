// The one way to write a server action: schema → actor → handler (which authorizes from
// the resource and calls one service) → a small serialisable result. AppErrors become
// their Swedish message; anything else is logged and shown as a generic message.
import type { z } from "zod";
import { getActor, type Actor } from "@/server/auth";
import { AppError, toAppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { INVALID_INPUT_MESSAGE, zodFieldErrors } from "@/server/validation";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export const failure = (error: unknown): { ok: false; error: string; fieldErrors?: Record<string, string[]> } => {
  const mapped = toAppError(error);
  if (mapped instanceof AppError) return { ok: false, error: mapped.userMessage, ...(mapped.fieldErrors ? { fieldErrors: mapped.fieldErrors } : {}) };
  logger.error("action failed", error);
  return { ok: false, error: "Något gick fel. Försök igen om en stund." };
};

/** The answer to a form action called without a form (only a crafted request does that). */
const NOT_A_FORM = "Formuläret kunde inte läsas. Ladda om sidan och försök igen.";

type ActionDefinition<S extends z.ZodType, T> = {
  schema: S;
  handler: (input: z.output<S>, actor: Actor) => Promise<T>;
};

/** An action called with a plain object (client components, tests). */
export const defineAction =
  <S extends z.ZodType, T>({ schema, handler }: ActionDefinition<S, T>) =>
  async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const actor = await getActor();
      if (!actor) return { ok: false, error: "Du är inte inloggad längre. Logga in igen – det du skrivit finns kvar i formuläret." };
      const parsed = schema.safeParse(raw);
      if (!parsed.success) return { ok: false, error: INVALID_INPUT_MESSAGE, fieldErrors: zodFieldErrors(parsed.error) };
      return { ok: true, data: await handler(parsed.data, actor) };
    } catch (error) {
      return failure(error);
    }
  };

/**
 * An action for `<form action={…}>` with React's useActionState: works without JavaScript
 * too (progressive enhancement). `fromFormData` turns the form into the schema's input.
 */
export const defineFormAction =
  <S extends z.ZodType, T>({ fromFormData, ...definition }: ActionDefinition<S, T> & { fromFormData: (form: FormData) => unknown }) => {
    const run = defineAction(definition);
    // A crafted request can send anything in place of the form.
    return async (_previous: ActionResult<T> | null, form: FormData): Promise<ActionResult<T>> =>
      form instanceof FormData ? run(fromFormData(form)) : { ok: false, error: NOT_A_FORM };
  };
