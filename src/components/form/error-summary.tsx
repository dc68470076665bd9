"use client";
// The error summary of every form: a live region (role="alert", always in the page so that
// what appears in it is announced) with the message and a link to each field in error.
// A link moves focus to its field; the summary itself can take focus after a failed submit.
// A field's message is said once, at the field: the summary links to it by the field's label
// (and lists the message itself only for an item without a field to link to).
import type { ReactNode, Ref } from "react";

export type ErrorSummaryItem = { fieldId: string; label?: string; messages: readonly string[] };

type ErrorSummaryProps = {
  id?: string;
  message: string | null;
  items?: readonly ErrorSummaryItem[];
  /** More help under the message (e.g. a link to the newer version after a conflict). */
  children?: ReactNode;
  ref?: Ref<HTMLDivElement>;
};

export const ErrorSummary = ({ id, message, items = [], children, ref }: ErrorSummaryProps) => (
  <div ref={ref} id={id} role="alert" tabIndex={-1} className="focus:outline-none">
    {message ? (
      <div className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
        <p className="font-semibold">{message}</p>
        {children}
        {items.length > 0 ? (
          <ul className="mt-1 list-disc pl-5 text-sm">
            {items.map((item) => (
              <li key={`${item.fieldId}-${item.label ?? ""}`}>
                {item.label ? (
                  <a
                    href={`#${item.fieldId}`}
                    className="underline"
                    onClick={(event) => {
                      const field = document.getElementById(item.fieldId);
                      if (!field) return;
                      event.preventDefault();
                      field.focus();
                    }}
                  >
                    {item.label}
                  </a>
                ) : (
                  item.messages.join(" ")
                )}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    ) : null}
  </div>
);
