"use client";
// The building blocks of every admin form: a form bound to a server action with
// useActionState (works without JavaScript too), an error summary with role="alert",
// and labelled fields whose messages are tied to them with aria-describedby.
import { createContext, useActionState, useContext, useId, type ReactNode } from "react";
import { ErrorSummary } from "@/components/error-summary";
import type { FormAction, FormState } from "../form-state";

type FormContextValue = { idPrefix: string; state: FormState | null };
const FormContext = createContext<FormContextValue>({ idPrefix: "", state: null });

const useField = (name: string) => {
  const { idPrefix, state } = useContext(FormContext);
  const id = `${idPrefix}-${name}`;
  const errors = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  const echoed = state && !state.ok ? state.values?.[name] : undefined;
  return { id, errorId: `${id}-error`, errors, echoed };
};

const FIELD_LABELS: Record<string, string> = {};

type ActionFormProps<T> = {
  action: FormAction<T>;
  submitLabel: string;
  /** Shown (role="status") after a successful submit. */
  successMessage?: string | ((data: T) => ReactNode);
  /** Labels of the fields, for the error summary's links. */
  labels?: Record<string, string>;
  /** Layout of the fields (the error summary and the submit row stay outside it). */
  className?: string;
  submitClassName?: string;
  /** Accessible name of the form when a page has several of the same kind. */
  ariaLabel?: string;
  children: ReactNode;
};

export const ActionForm = <T,>({ action, submitLabel, successMessage, labels = FIELD_LABELS, className, submitClassName, ariaLabel, children }: ActionFormProps<T>) => {
  const [state, formAction, pending] = useActionState(action, null);
  const idPrefix = useId();
  const summaryId = `${idPrefix}-summary`;
  const fieldErrors = state && !state.ok ? Object.entries(state.fieldErrors ?? {}) : [];
  return (
    <FormContext.Provider value={{ idPrefix, state: state as FormState | null }}>
      <form action={formAction} noValidate className="space-y-3" aria-label={ariaLabel} aria-describedby={state && !state.ok ? summaryId : undefined}>
        <ErrorSummary
          id={summaryId}
          message={state && !state.ok ? state.error : null}
          items={fieldErrors.map(([field, messages]) => ({ fieldId: `${idPrefix}-${field}`, label: labels[field], messages }))}
        />
        <div className={className ?? "space-y-4"}>{children}</div>
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={pending}
            className={submitClassName ?? "rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"}
          >
            {pending ? "Sparar …" : submitLabel}
          </button>
          <p role="status" className="text-sm font-semibold text-green-800">
            {state?.ok && successMessage ? (typeof successMessage === "function" ? successMessage(state.data) : successMessage) : null}
          </p>
        </div>
      </form>
    </FormContext.Provider>
  );
};

const inputClass = (invalid: boolean) =>
  `mt-1 w-full rounded border px-3 py-2 ${invalid ? "border-red-600" : "border-slate-400"}`;

const FieldMessages = ({ errorId, errors, hint, hintId }: { errorId: string; errors?: string[]; hint?: ReactNode; hintId: string }) => (
  <>
    {hint ? (
      <p id={hintId} className="mt-1 text-sm text-slate-600">
        {hint}
      </p>
    ) : null}
    {errors?.length ? (
      <p id={errorId} className="mt-1 text-sm font-semibold text-red-700">
        {errors.join(" ")}
      </p>
    ) : null}
  </>
);

const describedBy = (errors: string[] | undefined, errorId: string, hint: ReactNode, hintId: string) =>
  [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;

type TextFieldProps = {
  name: string;
  label: string;
  defaultValue?: string | null;
  type?: "text" | "email" | "tel" | "password" | "number";
  hint?: ReactNode;
  required?: boolean;
  autoComplete?: string;
  maxLength?: number;
  min?: number;
  max?: number;
  className?: string;
  onValueChange?: (value: string) => void;
};

export const TextField = ({ name, label, defaultValue, type = "text", hint, required, autoComplete, maxLength, min, max, className, onValueChange }: TextFieldProps) => {
  const { id, errorId, errors, echoed } = useField(name);
  const hintId = `${id}-hint`;
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">
        {label}
        {required ? <span className="text-slate-600"> (obligatoriskt)</span> : null}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={type === "password" ? undefined : (echoed ?? defaultValue ?? undefined)}
        autoComplete={autoComplete}
        maxLength={maxLength}
        min={min}
        max={max}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(errors, errorId, hint, hintId)}
        onChange={onValueChange ? (event) => onValueChange(event.target.value) : undefined}
        className={inputClass(Boolean(errors?.length))}
      />
      <FieldMessages errorId={errorId} errors={errors} hint={hint} hintId={hintId} />
    </div>
  );
};

export type SelectOption = { value: string; label: string };
export type SelectGroup = { label: string; options: SelectOption[] };

type SelectFieldProps = {
  name: string;
  label: string;
  options?: SelectOption[];
  groups?: SelectGroup[];
  defaultValue?: string;
  placeholder?: string;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
};

export const SelectField = ({ name, label, options, groups, defaultValue, placeholder = "Välj …", hint, required, className }: SelectFieldProps) => {
  const { id, errorId, errors, echoed } = useField(name);
  const hintId = `${id}-hint`;
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">
        {label}
        {required ? <span className="text-slate-600"> (obligatoriskt)</span> : null}
      </label>
      <select
        // A changed echo remounts the select, so the chosen option survives React's form reset.
        key={echoed ?? defaultValue ?? ""}
        id={id}
        name={name}
        defaultValue={echoed ?? defaultValue ?? ""}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(errors, errorId, hint, hintId)}
        className={inputClass(Boolean(errors?.length))}
      >
        <option value="">{placeholder}</option>
        {options?.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {groups?.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <FieldMessages errorId={errorId} errors={errors} hint={hint} hintId={hintId} />
    </div>
  );
};

export const CheckboxField = ({ name, label, defaultChecked, hint }: { name: string; label: string; defaultChecked?: boolean; hint?: ReactNode }) => {
  const { id, errorId, errors, echoed } = useField(name);
  const { state } = useContext(FormContext);
  const hintId = `${id}-hint`;
  const checked = state && !state.ok ? echoed === "on" : defaultChecked;
  return (
    <div>
      <div className="flex items-center gap-2">
        <input
          key={String(checked)}
          id={id}
          name={name}
          type="checkbox"
          defaultChecked={checked}
          aria-describedby={describedBy(errors, errorId, hint, hintId)}
          className="h-5 w-5"
        />
        <label htmlFor={id} className="font-medium">
          {label}
        </label>
      </div>
      <FieldMessages errorId={errorId} errors={errors} hint={hint} hintId={hintId} />
    </div>
  );
};

export const Hidden = ({ name, value }: { name: string; value: string }) => <input type="hidden" name={name} value={value} />;
