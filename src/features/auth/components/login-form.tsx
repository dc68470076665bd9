"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { OIDC_PROVIDER_ID } from "@/server/auth/provider-ids";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Fel användarnamn eller lösenord.",
  THROTTLED: "För många misslyckade inloggningar. Vänta en stund och försök igen.",
  OidcUnknownUser: "Ditt konto i kommunens inloggning är inte kopplat till någon användare i Yttra. Kontakta en administratör.",
  SessionRequired: "Du behöver logga in.",
};
const GENERIC = "Inloggningen misslyckades. Försök igen.";

type LoginFormProps = { callbackUrl: string; initialError?: string; oidcName?: string };

export const LoginForm = ({ callbackUrl, initialError, oidcName }: LoginFormProps) => {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ? (MESSAGES[initialError] ?? GENERIC) : null);
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string }>({});
  const [pending, setPending] = useState(false);
  const errorId = useId();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get("username") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const missing = {
      ...(username ? {} : { username: "Ange ditt användarnamn." }),
      ...(password ? {} : { password: "Ange ditt lösenord." }),
    };
    setFieldErrors(missing);
    if (Object.keys(missing).length > 0) {
      setError(null);
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { username, password, redirect: false });
      if (!result || result.error) {
        setError(MESSAGES[result?.error ?? ""] ?? GENERIC);
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setError("Det gick inte att nå servern. Kontrollera anslutningen och försök igen.");
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="space-y-6">
      <div role="alert" aria-live="assertive" id={errorId}>
        {error ? <p className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">{error}</p> : null}
      </div>
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby={error ? errorId : undefined}>
        <div>
          <label htmlFor="username" className="block font-medium">
            Användarnamn
          </label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={256}
            aria-invalid={fieldErrors.username ? true : undefined}
            aria-describedby={fieldErrors.username ? "username-error" : undefined}
            className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
          />
          {fieldErrors.username ? (
            <p id="username-error" className="mt-1 text-sm text-red-700">
              {fieldErrors.username}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor="password" className="block font-medium">
            Lösenord
          </label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            maxLength={1024}
            aria-invalid={fieldErrors.password ? true : undefined}
            aria-describedby={fieldErrors.password ? "password-error" : undefined}
            className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
          />
          {fieldErrors.password ? (
            <p id="password-error" className="mt-1 text-sm text-red-700">
              {fieldErrors.password}
            </p>
          ) : null}
        </div>
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? "Loggar in …" : "Logga in"}
        </button>
      </form>
      {oidcName ? (
        <button
          type="button"
          onClick={() => void signIn(OIDC_PROVIDER_ID, { callbackUrl })}
          className="w-full rounded border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50"
        >
          Logga in med {oidcName}
        </button>
      ) : null}
    </div>
  );
};
