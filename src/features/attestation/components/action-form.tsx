"use client";
// Shared behaviour of the attestation forms: call the action, show the Swedish error
// summary (role="alert") and field errors tied with aria-describedby, refresh on success.
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/server/action";

export type FieldErrors = Record<string, string[]>;

export const useActionForm = <T,>(run: (form: FormData) => Promise<ActionResult<T>>, onSuccess?: (data: T) => void) => {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const errorId = useId();
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const result = await run(new FormData(event.currentTarget));
      if (!result.ok) {
        setError(result.error);
        setFieldErrors(result.fieldErrors ?? {});
        return;
      }
      setFieldErrors({});
      onSuccess?.(result.data);
      router.refresh();
    } catch {
      setError("Det gick inte att nå servern. Försök igen.");
    } finally {
      setPending(false);
    }
  };
  return { error, fieldErrors, pending, errorId, onSubmit };
};

export const FieldError = ({ id, messages }: { id: string; messages?: string[] }) =>
  messages?.length ? (
    <p id={id} className="mt-1 text-sm text-red-700">
      {messages.join(" ")}
    </p>
  ) : null;

export const SubmitButton = ({ pending, children, variant = "primary" }: { pending: boolean; children: ReactNode; variant?: "primary" | "secondary" }) => (
  <button
    type="submit"
    disabled={pending}
    className={
      variant === "primary"
        ? "rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-60"
        : "rounded border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-60"
    }
  >
    {children}
  </button>
);
