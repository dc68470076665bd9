// Small building blocks of the case forms: a label, the control, a hint and the field's
// error tied to the control with aria-describedby.
import type { ReactNode } from "react";
import { ErrorSummary } from "@/components/error-summary";

export const fieldId = (name: string, prefix = "f"): string => `${prefix}-${name.replaceAll(".", "-")}`;

export const inputClass =
  "mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

export type FieldErrors = Record<string, string[]> | undefined;

/** Props that connect a control to its label, hint and error. */
export const describedBy = (name: string, errors: FieldErrors, hint?: boolean, prefix?: string) => {
  const error = errors?.[name]?.[0];
  const id = fieldId(name, prefix);
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return { id, name, "aria-invalid": error ? true : undefined, "aria-describedby": ids || undefined } as const;
};

export const Field = ({
  name,
  label,
  hint,
  errors,
  required,
  prefix,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  errors: FieldErrors;
  required?: boolean;
  /** Distinguishes ids when two forms on a page have a field of the same name. */
  prefix?: string;
  children: ReactNode;
}) => {
  const error = errors?.[name]?.[0];
  const id = fieldId(name, prefix);
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
        {required ? <span className="text-slate-600"> (obligatoriskt)</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
          Fel: {error}
        </p>
      ) : null}
    </div>
  );
};

/** The form's error summary, with the motion's repeated fields named by their position. */
export const CaseErrorSummary = ({ message, errors, labels }: { message: string | null; errors: FieldErrors; labels: Record<string, string> }) => (
  <ErrorSummary
    id="error-summary"
    message={message ?? (errors ? "Kontrollera de markerade fälten." : null)}
    items={Object.entries(errors ?? {}).map(([name, messages]) => ({ fieldId: fieldId(name), label: labelFor(name, labels), messages: messages.slice(0, 1) }))}
  />
);

const labelFor = (name: string, labels: Record<string, string>): string => {
  if (labels[name]) return labels[name];
  const author = /^motion\.authors\.(\d+)\.(name|party)$/.exec(name);
  if (author) return `Motionär ${Number(author[1]) + 1}, ${author[2] === "name" ? "namn" : "parti"}`;
  const proposal = /^motion\.proposals\.(\d+)$/.exec(name);
  if (proposal) return `Att-sats ${Number(proposal[1]) + 1}`;
  return name === "_form" ? "Formuläret" : name;
};
