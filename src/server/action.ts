// The one way to write a server action: schema → actor → handler (which authorizes from
// the resource and calls one service) → a small serialisable result. AppErrors become
// their Swedish message; anything else is logged and shown as a generic message.
import type { z } from "zod";
import { getActor, getPasswordSession, type Actor, type PasswordSession } from "@/server/auth";
import { AppError, toAppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { echoValues, INVALID_INPUT_MESSAGE, zodFieldErrors } from "@/lib/field-errors";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

/**
 * What a form gets back from its action: the result plus, on failure, what the user typed
 * (never passwords), so the form shows it again — also without JavaScript.
 */
export type FormState<T> = ActionResult<T> & { values?: Record<string, string> };

export type FormAction<T> = (previous: FormState<T> | null, form: FormData) => Promise<FormState<T>>;

export const failure = (error: unknown): { ok: false; error: string; fieldErrors?: Record<string, string[]> } => {
  const mapped = toAppError(error);
  if (mapped instanceof AppError) return { ok: false, error: mapped.userMessage, ...(mapped.fieldErrors ? { fieldErrors: mapped.fieldErrors } : {}) };
  logger.error("action failed", error);
  return { ok: false, error: "Något gick fel. Försök igen om en stund." };
};

/** A text field of a form; undefined when absent (or a file). */
export const formText = (form: FormData, key: string): string | undefined => {
  const value = form.get(key);
  return typeof value === "string" ? value : undefined;
};

/** A trimmed text field; undefined when absent or blank. */
export const formOptional = (form: FormData, key: string): string | undefined => {
  const value = formText(form, key)?.trim();
  return value ? value : undefined;
};

/** The named text fields of a form, for a schema to parse. */
export const formFields = (form: FormData, ...keys: string[]): Record<string, string | undefined> => Object.fromEntries(keys.map((key) => [key, formText(form, key)]));

/** The answer to a form action called without a form (only a crafted request does that). */
const NOT_A_FORM = "Formuläret kunde inte läsas. Ladda om sidan och försök igen.";

type ActionDefinition<S extends z.ZodType, T, W = Actor> = {
  schema: S;
  /** The message when the input does not fit the schema (default: "check the marked fields"). */
  invalidMessage?: string;
  handler: (input: z.output<S>, actor: W) => Promise<T>;
};

const runAction =
  <S extends z.ZodType, T, W>(who: () => Promise<W | null>, { schema, invalidMessage = INVALID_INPUT_MESSAGE, handler }: ActionDefinition<S, T, W>) =>
  async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const actor = await who();
      if (!actor) return { ok: false, error: "Du är inte inloggad längre. Logga in igen – det du skrivit finns kvar i formuläret." };
      const parsed = schema.safeParse(raw);
      if (!parsed.success) return { ok: false, error: invalidMessage, fieldErrors: zodFieldErrors(parsed.error) };
      return { ok: true, data: await handler(parsed.data, actor) };
    } catch (error) {
      return failure(error);
    }
  };

/** An action called with a plain object (client components, tests). */
export const defineAction = <S extends z.ZodType, T>(definition: ActionDefinition<S, T>) => runAction(getActor, definition);

const asFormAction =
  <T>(run: (raw: unknown) => Promise<ActionResult<T>>, fromFormData: (form: FormData) => unknown) =>
  async (_previous: FormState<T> | null, form: FormData): Promise<FormState<T>> => {
    // A crafted request can send anything in place of the form.
    if (!(form instanceof FormData)) return { ok: false, error: NOT_A_FORM };
    const result = await run(fromFormData(form));
    return result.ok ? result : { ...result, values: echoValues(form) };
  };

/**
 * An action for `<form action={…}>` with React's useActionState (the form kit's ActionForm):
 * works without JavaScript too (progressive enhancement). `fromFormData` turns the form into
 * the schema's input; a failure carries what was typed, so the form shows it again.
 */
export const defineFormAction = <S extends z.ZodType, T>({ fromFormData, ...definition }: ActionDefinition<S, T> & { fromFormData: (form: FormData) => unknown }) =>
  asFormAction(defineAction(definition), fromFormData);

/**
 * The one form a signed-in user sends as their session rather than as an actor: choosing their
 * own password (/byt-losenord), which a user given a password by an administrator must do before
 * they are an actor at all (actor.ts).
 */
export const definePasswordFormAction = <S extends z.ZodType, T>({ fromFormData, ...definition }: ActionDefinition<S, T, PasswordSession> & { fromFormData: (form: FormData) => unknown }) =>
  asFormAction(runAction(getPasswordSession, definition), fromFormData);
