"use client";
// Labelled fields of ActionForm. Each control gets its label (with "(obligatoriskt)" when
// required), an optional hint and the field's messages, tied with aria-describedby and
// aria-invalid. FieldFrame takes a render function for controls the standard fields do
// not cover (a select that drives other fields, say).
import type { ReactNode } from "react";
import { useFormField } from "./action-form";

export const inputClass = "mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

/** The props that connect a control to its label, hint and messages. */
export type ControlProps = { id: string; name: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined };

type FrameProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  children: (control: ControlProps, echoed: string | undefined) => ReactNode;
};

const Hint = ({ id, hint }: { id: string; hint?: ReactNode }) =>
  hint ? (
    <p id={id} className="text-sm text-slate-600">
      {hint}
    </p>
  ) : null;

/** A field's messages; also under a group of fields (a fieldset names it in aria-describedby). */
export const FieldError = ({ id, errors }: { id: string; errors?: readonly string[] }) =>
  errors?.length ? (
    <p id={id} className="mt-1 text-sm font-semibold text-red-700">
      {errors.join(" ")}
    </p>
  ) : null;

/** A label, hint and messages around any control with this id (controlled editors use it directly). */
export const LabelledControl = ({
  id,
  label,
  hint,
  errors,
  required,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
  required?: boolean;
  className?: string;
  children: (describedBy: string | undefined) => ReactNode;
}) => (
  <div className={className}>
    <label htmlFor={id} className="block font-medium">
      {label}
      {required ? <span className="text-slate-600"> (obligatoriskt)</span> : null}
    </label>
    <Hint id={`${id}-hint`} hint={hint} />
    {children([hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined)}
    <FieldError id={`${id}-error`} errors={errors} />
  </div>
);

export const FieldFrame = ({ name, label, hint, required, className, children }: FrameProps) => {
  const { id, errors, echoed } = useFormField(name);
  return (
    <LabelledControl id={id} label={label} hint={hint} errors={errors} required={required} className={className}>
      {(describedBy) => children({ id, name, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy }, echoed)}
    </LabelledControl>
  );
};

type FieldProps = {
  name: string;
  label: ReactNode;
  type?: "text" | "email" | "tel" | "password" | "number" | "time" | "search";
  inputMode?: "numeric" | "text";
  /** A textarea with this many rows instead of an input. */
  rows?: number;
  defaultValue?: string | number | null;
  hint?: ReactNode;
  required?: boolean;
  autoComplete?: string;
  /** Off for user names and codes. */
  spellCheck?: boolean;
  autoCapitalize?: "none" | "sentences";
  maxLength?: number;
  /** Bounds of a number field, from the same rules the service applies. */
  min?: number;
  max?: number;
  className?: string;
  onValueChange?: (value: string) => void;
};

export const Field = ({ name, label, type = "text", rows, defaultValue, hint, required, autoComplete, spellCheck, autoCapitalize, inputMode, maxLength, min, max, className, onValueChange }: FieldProps) => (
  <FieldFrame name={name} label={label} hint={hint} required={required} className={className}>
    {(control, echoed) => {
      // A password is never echoed back into the page.
      const value = type === "password" ? undefined : (echoed ?? defaultValue ?? undefined);
      const onChange = onValueChange ? (event: { target: { value: string } }) => onValueChange(event.target.value) : undefined;
      return rows ? (
        <textarea {...control} rows={rows} defaultValue={value} maxLength={maxLength} onChange={onChange} className={inputClass} />
      ) : (
        <input {...control} type={type} defaultValue={value} autoComplete={autoComplete} spellCheck={spellCheck} autoCapitalize={autoCapitalize} inputMode={inputMode} maxLength={maxLength} min={min} max={max} onChange={onChange} className={inputClass} />
      );
    }}
  </FieldFrame>
);

/**
 * The control of a date: text in ÅÅÅÅ-MM-DD whatever the browser's locale (a native date
 * input shows mm/dd/yyyy in an en-US browser). The server checks the date with its schema.
 */
export const isoDateInputProps = { type: "text", inputMode: "numeric", pattern: "\\d{4}-\\d{2}-\\d{2}", placeholder: "ÅÅÅÅ-MM-DD", maxLength: 10, autoComplete: "off" } as const;

export const DATE_FORMAT_HINT = "Skriv datumet som ÅÅÅÅ-MM-DD.";

export const DateField = ({ name, label, defaultValue, hint, required, className }: { name: string; label: ReactNode; defaultValue?: string | null; hint?: ReactNode; required?: boolean; className?: string }) => (
  <FieldFrame
    name={name}
    label={label}
    hint={
      <>
        {hint} {DATE_FORMAT_HINT}
      </>
    }
    required={required}
    className={className}
  >
    {(control, echoed) => <input {...control} {...isoDateInputProps} defaultValue={echoed ?? defaultValue ?? undefined} className={inputClass} />}
  </FieldFrame>
);

/**
 * A time of day as text, TT:MM on the 24-hour clock whatever the browser's locale (a native
 * time input shows "06:00 PM" in an en-US browser, and its host element loses the keyboard
 * focus style in Chromium). The server checks it with its schema.
 */
export const TimeField = ({ name, label, defaultValue, required, className }: { name: string; label: ReactNode; defaultValue?: string; required?: boolean; className?: string }) => (
  <FieldFrame name={name} label={label} hint="Skriv klockslaget som TT:MM, till exempel 18:00." required={required} className={className}>
    {(control, echoed) => (
      <input {...control} type="text" inputMode="numeric" pattern="\d{2}[:.]\d{2}" placeholder="TT:MM" maxLength={5} autoComplete="off" defaultValue={echoed ?? defaultValue} className={inputClass} />
    )}
  </FieldFrame>
);

export type SelectOption = { value: string; label: string };
export type SelectGroup = { label: string; options: SelectOption[] };

type SelectFieldProps = {
  name: string;
  label: ReactNode;
  options?: SelectOption[];
  groups?: SelectGroup[];
  defaultValue?: string;
  /** A first, empty option ("Välj …"). */
  placeholder?: string;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
};

export const SelectField = ({ name, label, options = [], groups = [], defaultValue, placeholder, hint, required, className }: SelectFieldProps) => {
  const optionList = (list: SelectOption[]) =>
    list.map((option) => (
      <option key={option.value} value={option.value}>
        {option.label}
      </option>
    ));
  return (
    <FieldFrame name={name} label={label} hint={hint} required={required} className={className}>
      {(control, echoed) => (
        <select {...control} defaultValue={echoed ?? defaultValue ?? ""} className={inputClass}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {optionList(options)}
          {groups.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {optionList(group.options)}
            </optgroup>
          ))}
        </select>
      )}
    </FieldFrame>
  );
};

export const CheckboxField = ({ name, label, value, defaultChecked, hint }: { name: string; label: string; value?: string; defaultChecked?: boolean; hint?: ReactNode }) => {
  const { id, errorId, hintId, errors, describedBy, sent, echoed } = useFormField(name);
  return (
    <div>
      <div className="flex items-center gap-2">
        <input id={id} name={name} type="checkbox" value={value} defaultChecked={sent ? echoed === (value ?? "on") : defaultChecked} aria-describedby={describedBy(Boolean(hint))} className="h-5 w-5" />
        <label htmlFor={id} className="font-medium">
          {label}
        </label>
      </div>
      <Hint id={hintId} hint={hint} />
      <FieldError id={errorId} errors={errors} />
    </div>
  );
};

export const Hidden = ({ name, value }: { name: string; value: string | number }) => <input type="hidden" name={name} value={value} />;

/** A fieldset whose messages concern the group as a whole (at least one author, the attesters …). */
export const FieldGroup = ({ name, legend, className, legendClassName = "font-semibold", children }: { name: string; legend: ReactNode; className?: string; legendClassName?: string; children: ReactNode }) => {
  const { id, errorId, errors } = useFormField(name);
  // The id lets the error summary's link land on the group.
  return (
    <fieldset id={id} tabIndex={-1} className={className} aria-describedby={errors?.length ? errorId : undefined}>
      <legend className={legendClassName}>{legend}</legend>
      <FieldError id={errorId} errors={errors} />
      {children}
    </fieldset>
  );
};
