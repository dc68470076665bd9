import type { ReactNode } from "react";

export type SubmitVariant = "primary" | "secondary" | "danger";

const VARIANT_CLASSES: Record<SubmitVariant, string> = {
  primary: "rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800",
  /** Small actions beside a row (save a name, move up, remove). */
  secondary: "rounded border border-brand-700 bg-white px-3 py-1.5 text-sm font-semibold text-brand-800 hover:bg-brand-50",
  /** Actions that take something away (inactivate, remove, mark as misregistered). */
  danger: "rounded border border-red-700 bg-white px-4 py-2 font-semibold text-red-800 hover:bg-red-50",
};

/** The look of a form's buttons (the submit button, a confirmation's buttons). */
export const buttonClass = (variant: SubmitVariant) => `${VARIANT_CLASSES[variant]} focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2`;

/** The submit button of every form: disabled while the form is sent. */
export const SubmitButton = ({ pending, variant = "primary", ariaLabel, children }: { pending: boolean; variant?: SubmitVariant; ariaLabel?: string; children: ReactNode }) => (
  <button
    type="submit"
    disabled={pending}
    aria-label={ariaLabel}
    className={`${buttonClass(variant)} disabled:opacity-60`}
  >
    {children}
  </button>
);
