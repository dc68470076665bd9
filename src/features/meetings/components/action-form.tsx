"use client";
// A form bound to a server action with useActionState: works without JavaScript, shows the
// Swedish result in a live region, ties field errors to inputs through `FieldError`, and
// follows `href` in the result (a created meeting opens its page).
import { useRouter } from "next/navigation";
import { createContext, useActionState, useContext, useEffect, useId, type ReactNode } from "react";
import type { ActionResult } from "@/server/action";

export type FormResult = { message?: string; href?: string };
type FormAction<T extends FormResult> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

const FieldErrorsContext = createContext<{ fieldErrors: Record<string, string[]>; formId: string }>({ fieldErrors: {}, formId: "" });

type ActionFormProps<T extends FormResult> = {
  action: FormAction<T>;
  children: ReactNode;
  submitLabel: string;
  className?: string;
  /** Secondary styling for small inline actions (upp/ned, ta bort). */
  variant?: "primary" | "secondary";
  /** Accessible name of the submit button when the visible label is a symbol. */
  submitAriaLabel?: string;
  testId?: string;
};

export const ActionForm = <T extends FormResult>({ action, children, submitLabel, className, variant = "primary", submitAriaLabel, testId }: ActionFormProps<T>) => {
  const [state, formAction, pending] = useActionState(action, null);
  const router = useRouter();
  const formId = useId();
  const href = state?.ok ? state.data.href : undefined;
  useEffect(() => {
    if (href) router.push(href);
  }, [href, router]);
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const buttonClass =
    variant === "primary"
      ? "rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      : "rounded border border-slate-400 bg-white px-3 py-1 text-sm font-semibold text-slate-800 hover:bg-slate-100 disabled:opacity-60";
  return (
    <form action={formAction} className={className} aria-describedby={state ? `${formId}-status` : undefined} data-testid={testId} noValidate>
      <FieldErrorsContext.Provider value={{ fieldErrors, formId }}>{children}</FieldErrorsContext.Provider>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass} aria-label={submitAriaLabel}>
          {pending ? "Sparar …" : submitLabel}
        </button>
      </div>
      <div id={`${formId}-status`} aria-live="polite">
        {state && !state.ok ? (
          <p role="alert" className="mt-2 rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
            {state.error}
          </p>
        ) : null}
        {state?.ok && state.data.message ? (
          <p role="status" className="mt-2 rounded border border-green-300 bg-green-50 px-3 py-2 text-green-900">
            {state.data.message}
          </p>
        ) : null}
      </div>
    </form>
  );
};

/** The id a field's error message gets; inputs reference it with aria-describedby. */
export const useFieldError = (name: string): { id: string; messages: string[] } => {
  const { fieldErrors, formId } = useContext(FieldErrorsContext);
  return { id: `${formId}-${name}-error`, messages: fieldErrors[name] ?? [] };
};

type FieldProps = {
  name: string;
  label: string;
  type?: string;
  defaultValue?: string;
  required?: boolean;
  hint?: string;
  multiline?: boolean;
  rows?: number;
  autoComplete?: string;
  /** Bounds of a date field (ÅÅÅÅ-MM-DD), from the same rules the service applies. */
  min?: string;
  max?: string;
};

export const Field = ({ name, label, type = "text", defaultValue, required, hint, multiline, rows = 3, autoComplete, min, max }: FieldProps) => {
  const inputId = useId();
  const error = useFieldError(name);
  const describedBy = [hint ? `${inputId}-hint` : null, error.messages.length > 0 ? error.id : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id: inputId,
    name,
    defaultValue,
    required,
    "aria-invalid": error.messages.length > 0 ? true : undefined,
    "aria-describedby": describedBy,
    className: "mt-1 w-full rounded border border-slate-400 px-3 py-2",
  };
  return (
    <div className="mt-3">
      <label htmlFor={inputId} className="block font-medium">
        {label}
        {required ? <span className="text-slate-600"> (obligatoriskt)</span> : null}
      </label>
      {hint ? (
        <p id={`${inputId}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {multiline ? <textarea rows={rows} {...common} /> : <input type={type} autoComplete={autoComplete} min={min} max={max} {...common} />}
      {error.messages.length > 0 ? (
        <p id={error.id} className="mt-1 text-sm text-red-700">
          {error.messages.join(" ")}
        </p>
      ) : null}
    </div>
  );
};

type SelectProps = { name: string; label: string; options: { value: string; label: string }[]; defaultValue?: string; required?: boolean };

export const SelectField = ({ name, label, options, defaultValue, required }: SelectProps) => {
  const inputId = useId();
  const error = useFieldError(name);
  return (
    <div className="mt-3">
      <label htmlFor={inputId} className="block font-medium">
        {label}
      </label>
      <select
        id={inputId}
        name={name}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={error.messages.length > 0 ? true : undefined}
        aria-describedby={error.messages.length > 0 ? error.id : undefined}
        className="mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error.messages.length > 0 ? (
        <p id={error.id} className="mt-1 text-sm text-red-700">
          {error.messages.join(" ")}
        </p>
      ) : null}
    </div>
  );
};

export const Hidden = ({ name, value }: { name: string; value: string | number }) => <input type="hidden" name={name} value={value} />;
