"use client";
// The one form of the app: bound to an action with useActionState (a server action works
// without JavaScript too), a pending submit button, an error summary (role="alert") that
// takes focus after a failed submit and links to each field in error, a status message
// (role="status") after a successful one, and field messages tied to their controls with
// aria-describedby (see fields.tsx). With JavaScript a refused form keeps what was typed;
// without it the page is rendered from the action's answer, whose `values` fill the fields
// again. `validate` shows the schema's messages before a round trip.
import { usePathname, useRouter } from "next/navigation";
import { createContext, startTransition, useActionState, useContext, useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { echoValues, INVALID_INPUT_MESSAGE } from "@/lib/field-errors";
import type { ActionResult, FormAction, FormState } from "@/server/action";
import { ConfirmDialog, type Confirmation, type ConfirmDialogHandle } from "./confirm-dialog";
import { ErrorSummary } from "./error-summary";
import { SubmitButton, type SubmitVariant } from "./submit-button";

type FormContextValue = { formId: string; fieldErrors: Record<string, string[]>; values: Record<string, string> | undefined };
const FormContext = createContext<FormContextValue>({ formId: "form", fieldErrors: {}, values: undefined });

/** Hands a message to the page's status region (see PageStatus); null outside one. */
type Announcement = { message: ReactNode; path: string };
const AnnounceContext = createContext<((announcement: Announcement) => void) | null>(null);

/**
 * The page's status region, in the layout: it outlives a form that its own answer removes
 * (an attested step, a closed panel), so that the message is still announced and focused
 * instead of focus falling to the page body. Emptied when the page changes.
 */
export const PageStatus = ({ children }: { children: ReactNode }) => {
  const [announced, setAnnounced] = useState<Announcement | null>(null);
  const pathname = usePathname();
  const ref = useRef<HTMLParagraphElement>(null);
  // A new page starts without a message. A form left behind on the previous page hands over
  // its message as it goes (after this render): its path keeps it off this page, and this
  // reset off a later visit to its own.
  const [visited, setVisited] = useState(pathname);
  if (visited !== pathname) {
    setVisited(pathname);
    setAnnounced(null);
  }
  const message = announced?.path === pathname ? announced.message : null;
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  return (
    <AnnounceContext.Provider value={setAnnounced}>
      <p ref={ref} role="status" aria-live="polite" tabIndex={-1} className="font-semibold text-green-800 focus:outline-none not-empty:mb-4 not-empty:rounded not-empty:border not-empty:border-green-700 not-empty:bg-green-50 not-empty:px-3 not-empty:py-2">
        {message}
      </p>
      {children}
    </AnnounceContext.Provider>
  );
};

/** The id of a field's control; the error summary links to it. */
export const fieldIdOf = (formId: string, name: string): string => `${formId}-${name.replaceAll(".", "-")}`;

/** A field's ids, messages and echoed value, from the form it sits in. */
export const useFormField = (name: string) => {
  const { formId, fieldErrors, values } = useContext(FormContext);
  const id = fieldIdOf(formId, name);
  const errors = fieldErrors[name];
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  /** aria-describedby of the control: its hint and its messages. */
  const describedBy = (hasHint: boolean) => [hasHint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  // `sent`: the form came back with what was typed (an unchecked box is absent from it).
  return { id, errorId, hintId, errors, describedBy, sent: values !== undefined, echoed: values?.[name] };
};

/** What the user sent, when the form came back with it (fields that depend on each other start from it). */
export const useFormValues = (): Record<string, string> | undefined => useContext(FormContext).values;

/** Fields of a form that sends itself (an upload with progress): its id and the messages to show. */
export const FormScope = ({ formId, fieldErrors, children }: { formId: string; fieldErrors: Record<string, string[]>; children: ReactNode }) => (
  <FormContext.Provider value={{ formId, fieldErrors, values: undefined }}>{children}</FormContext.Provider>
);

/**
 * A GET form (filters, look-ups): works without JavaScript and the URL holds what was asked.
 * Its fields are the same as ActionForm's; `fieldErrors` come from the page that checked the query.
 */
export const GetForm = ({
  action,
  ariaLabel,
  role,
  className,
  fieldErrors = {},
  children,
}: {
  action?: string;
  ariaLabel?: string;
  role?: "search";
  className?: string;
  fieldErrors?: Record<string, string[]>;
  children: ReactNode;
}) => {
  const formId = useId();
  return (
    <FormScope formId={formId} fieldErrors={fieldErrors}>
      <form method="get" action={action} role={role} aria-label={ariaLabel} className={className} noValidate>
        {children}
      </form>
    </FormScope>
  );
};

/**
 * An ActionForm action for an action called with a plain object (built here from the form):
 * runs in the browser, so a lost connection becomes a message instead of an error page.
 */
export const clientFormAction =
  <T,>(run: (form: FormData) => Promise<ActionResult<T>>): FormAction<T> =>
  async (_previous, form) => {
    try {
      const result = await run(form);
      return result.ok ? result : { ...result, values: echoValues(form) };
    } catch {
      return { ok: false, error: "Det gick inte att nå servern. Försök igen.", values: echoValues(form) };
    }
  };

/** Data of a result that a form knows what to do with: a message to show, a page to open. */
type FormResultData = { message?: unknown; href?: unknown } | null | undefined | void;

const stringOf = (data: unknown, key: "message" | "href"): string | undefined => {
  if (typeof data !== "object" || data === null || !(key in data)) return undefined;
  const value = (data as Record<string, unknown>)[key];
  return typeof value === "string" ? value : undefined;
};

type ActionFormProps<T> = {
  action: FormAction<T>;
  submitLabel: string;
  /** The submit button's text while the action runs. */
  pendingLabel?: string;
  /** Shown (role="status") after a successful submit; default: the result's `message`. A result's `href` is opened. */
  successMessage?: string | ((data: T) => ReactNode);
  /** After success: e.g. close the panel the form sits in. */
  onSuccess?: (data: T) => void;
  /** Re-render the page after success (actions called from the client do not revalidate it). */
  refresh?: boolean;
  /** Field labels for the error summary's links (fields without one are not listed there). */
  labels?: Record<string, string> | ((name: string) => string | undefined);
  /** Client-side check with the server's schema: field messages, or null when the form may be sent. */
  validate?: (form: FormData) => Record<string, string[]> | null;
  /** Classes of the form element. */
  className?: string;
  /** Layout of the fields (the error summary and the submit row stay outside it). */
  fieldsClassName?: string;
  variant?: SubmitVariant;
  /** Accessible name of the submit button when its visible label is a symbol. */
  submitAriaLabel?: string;
  /** Accessible name of the form when a page has several of the same kind. */
  ariaLabel?: string;
  testId?: string;
  /** A note beside the submit button. */
  footer?: ReactNode;
  /** An error to show before the first submit (e.g. from the URL after a failed external login). */
  initialError?: string | null;
  /** An irreversible action: asked in a dialog before the form is sent (with JavaScript). */
  confirm?: Confirmation;
  children: ReactNode;
};

export const ActionForm = <T extends FormResultData | unknown>({
  action,
  submitLabel,
  pendingLabel = "Sparar …",
  successMessage,
  onSuccess,
  refresh,
  labels = {},
  validate,
  className = "space-y-3",
  fieldsClassName,
  variant,
  submitAriaLabel,
  ariaLabel,
  testId,
  footer,
  initialError = null,
  confirm,
  children,
}: ActionFormProps<T>) => {
  const pathname = usePathname();
  // The last success message, handed to the page's status region if the form goes away (on this page).
  const shownSuccess = useRef<Announcement | null>(null);
  const successOf = (data: T): ReactNode => (typeof successMessage === "function" ? successMessage(data) : (successMessage ?? stringOf(data, "message")));
  // Noted as the answer arrives: an action that re-renders the page on the server may remove
  // the form in the same update that brings its answer, so the form never shows it itself.
  const run: FormAction<T> = async (previous, form) => {
    const result = await action(previous, form);
    const message = result.ok ? successOf(result.data) : null;
    shownSuccess.current = message ? { message, path: pathname } : null;
    return result;
  };
  const [state, formAction, pending] = useActionState<FormState<T> | null, FormData>(run, null);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]> | null>(null);
  const router = useRouter();
  const formId = useId();
  const summaryRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const confirmRef = useRef<ConfirmDialogHandle>(null);
  const announce = useContext(AnnounceContext);
  const success = state?.ok ? successOf(state.data) : null;
  const summaryId = `${formId}-summary`;

  // A refused password is never left in its field. Cleared before the browser paints the
  // answer: a passive effect runs after paint, and would also empty what the user began to
  // type into a password field the answer has just shown.
  useLayoutEffect(() => {
    if (!state || state.ok) return;
    formRef.current?.querySelectorAll<HTMLInputElement>('input[type="password"]').forEach((input) => {
      input.value = "";
    });
  }, [state]);

  useEffect(() => {
    if (!state) return;
    if (!state.ok) {
      summaryRef.current?.focus();
      return;
    }
    if (success) statusRef.current?.focus();
    onSuccess?.(state.data);
    const href = stringOf(state.data, "href");
    if (href) router.push(href);
    else if (refresh) router.refresh();
    // Only a new result runs the hooks, not a new callback identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  useEffect(
    () => () => {
      if (shownSuccess.current) announce?.(shownSuccess.current);
    },
    [announce],
  );

  const failed = state && !state.ok ? state : null;
  const fieldErrors = clientErrors ?? failed?.fieldErrors ?? {};
  const message = clientErrors ? INVALID_INPUT_MESSAGE : state ? (failed?.error ?? null) : initialError;
  const labelOf = (name: string) => (typeof labels === "function" ? labels(name) : labels[name]);

  // With JavaScript the form is sent from here, not by React's form action: that one resets
  // the form after every answer and would empty a refused form (or one being typed into).
  // Without JavaScript the browser posts to the server action and the page shows its answer.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const errors = validate?.(form) ?? null;
    setClientErrors(errors);
    if (errors) {
      summaryRef.current?.focus();
      return;
    }
    const send = () => startTransition(() => formAction(form));
    if (confirm) confirmRef.current?.ask((event.nativeEvent as SubmitEvent).submitter, send);
    else send();
  };

  return (
    <FormContext.Provider value={{ formId, fieldErrors, values: failed?.values }}>
      <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className={className} aria-label={ariaLabel} aria-describedby={message ? summaryId : undefined} data-testid={testId}>
        <ErrorSummary
          ref={summaryRef}
          id={summaryId}
          message={message}
          items={Object.entries(fieldErrors).flatMap(([name, messages]) => {
            // Only named fields are listed (a link to each): the messages stand at the fields themselves.
            const label = labelOf(name);
            return label ? [{ fieldId: fieldIdOf(formId, name), label, messages }] : [];
          })}
        />
        {fieldsClassName ? <div className={fieldsClassName}>{children}</div> : children}
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton pending={pending} variant={variant} ariaLabel={submitAriaLabel}>
            {pending ? pendingLabel : submitLabel}
          </SubmitButton>
          {footer}
          <p ref={statusRef} role="status" aria-live="polite" tabIndex={-1} className="text-sm font-semibold text-green-800 focus:outline-none">
            {success}
          </p>
        </div>
      </form>
      {confirm ? <ConfirmDialog ref={confirmRef} confirmation={confirm} variant={variant} /> : null}
    </FormContext.Provider>
  );
};
