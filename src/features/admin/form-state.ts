// The state an admin form gets back from its action: the action's result plus, on failure,
// what the user typed (never passwords), so the form can show it again — also without JavaScript.
import type { ActionResult } from "@/server/action";

export type FormState<T = unknown> = ActionResult<T> & { values?: Record<string, string> };

export type FormAction<T = unknown> = (previous: FormState<T> | null, form: FormData) => Promise<FormState<T>>;

const NEVER_ECHOED = new Set(["password"]);

export const echoValues = (form: FormData): Record<string, string> =>
  Object.fromEntries(
    [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string" && !entry[0].startsWith("$ACTION") && !NEVER_ECHOED.has(entry[0])),
  );

/** Form fields as strings; empty optional fields become undefined so that the schema sees them as absent. */
export const formText = (form: FormData, key: string): string | undefined => {
  const value = form.get(key);
  return typeof value === "string" ? value : undefined;
};

export const formOptional = (form: FormData, key: string): string | undefined => {
  const value = formText(form, key)?.trim();
  return value ? value : undefined;
};
