import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PublicPageLinks } from "@/components/public-shell";
import { LoginForm } from "@/features/auth/components/login-form";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { CHANGE_PASSWORD_PATH, getActor, getPasswordSession } from "@/server/auth";
import { env, oidcEnabled } from "@/server/env";

export const metadata: Metadata = { title: "Logga in" };

type LoginPageProps = { searchParams: Promise<{ callbackUrl?: string; error?: string; losenord?: string }> };

const LoginPage = async ({ searchParams }: LoginPageProps) => {
  const { error, losenord, ...params } = await searchParams;
  // Only same-site paths: an open redirect after login would help phishing.
  const callbackUrl = safeRedirectPath(params.callbackUrl);
  if (await getActor()) redirect(callbackUrl);
  if ((await getPasswordSession())?.changeRequired) redirect(CHANGE_PASSWORD_PATH);
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Yttra</p>
        <h1 className="mb-6 text-2xl font-bold">Logga in</h1>
        {losenord === "bytt" ? (
          <p role="status" className="mb-6 rounded border border-green-300 bg-green-50 p-3 text-green-900">
            Lösenordet är bytt. Logga in med ditt nya lösenord.
          </p>
        ) : null}
        <LoginForm callbackUrl={callbackUrl} initialError={error} oidcName={oidcEnabled() ? env.OIDC_NAME : undefined} />
      </div>
      <PublicPageLinks className="mt-6 px-2 text-sm" />
    </main>
  );
};

export default LoginPage;
