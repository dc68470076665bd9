"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { ActionForm, clientFormAction, Field } from "@/components/form";
import { OIDC_PROVIDER_ID } from "@/server/auth/provider-ids";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Fel användarnamn eller lösenord.",
  THROTTLED: "För många misslyckade inloggningar. Vänta en stund och försök igen.",
  OidcUnknownUser: "Ditt konto i kommunens inloggning är inte kopplat till någon användare i Yttra. Kontakta en administratör.",
  SessionRequired: "Du behöver logga in.",
};
const GENERIC = "Inloggningen misslyckades. Försök igen.";

type LoginFormProps = { callbackUrl: string; initialError?: string; oidcName?: string };

const fieldsOf = (form: FormData) => ({ username: String(form.get("username") ?? "").trim(), password: String(form.get("password") ?? "") });

const missingFields = (form: FormData): Record<string, string[]> | null => {
  const { username, password } = fieldsOf(form);
  const missing = { ...(username ? {} : { username: ["Ange ditt användarnamn."] }), ...(password ? {} : { password: ["Ange ditt lösenord."] }) };
  return Object.keys(missing).length > 0 ? missing : null;
};

const signInWithPassword = clientFormAction(async (form) => {
  const result = await signIn("credentials", { ...fieldsOf(form), redirect: false });
  return !result || result.error ? { ok: false, error: MESSAGES[result?.error ?? ""] ?? GENERIC } : { ok: true, data: null };
});

export const LoginForm = ({ callbackUrl, initialError, oidcName }: LoginFormProps) => {
  const router = useRouter();
  return (
    <div className="space-y-6">
      <ActionForm
        action={signInWithPassword}
        submitLabel="Logga in"
        pendingLabel="Loggar in …"
        validate={missingFields}
        initialError={initialError ? (MESSAGES[initialError] ?? GENERIC) : null}
        onSuccess={() => {
          router.replace(callbackUrl);
          router.refresh();
        }}
        className="space-y-4"
      >
        <Field name="username" label="Användarnamn" autoComplete="username" autoCapitalize="none" spellCheck={false} maxLength={256} />
        <Field name="password" label="Lösenord" type="password" autoComplete="current-password" maxLength={1024} />
      </ActionForm>
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
