// /byt-losenord: a signed-in user chooses their own password. A user whose password an
// administrator gave (a new user, a reset, a municipality's one-time password) is sent here
// from every page, and is no actor until they have (src/server/auth/actor.ts).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Link } from "@/components/link";
import { LogoutButton } from "@/components/logout-button";
import { PublicPageLinks } from "@/components/public-shell";
import { ChangePasswordForm } from "@/features/auth/components";
import { CHANGE_PASSWORD_PATH, getPasswordSession } from "@/server/auth";

export const metadata: Metadata = { title: "Byt lösenord" };

const ChangePasswordPage = async () => {
  const session = await getPasswordSession();
  if (!session) redirect(`/logga-in?callbackUrl=${encodeURIComponent(CHANGE_PASSWORD_PATH)}`);
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Yttra</p>
        <h1 className="mb-4 text-2xl font-bold">{session.changeRequired ? "Välj ett eget lösenord" : "Byt lösenord"}</h1>
        {session.hasPassword ? (
          <>
            <p className="mb-6 text-slate-700">
              {session.changeRequired
                ? `${session.name}, lösenordet du loggade in med fick du av en administratör. Välj ett eget innan du fortsätter: det gamla slutar då att gälla.`
                : `${session.name}, när du har bytt lösenord loggas du ut överallt och loggar in igen med det nya.`}
            </p>
            <ChangePasswordForm username={session.username} />
          </>
        ) : (
          <p className="mb-6 text-slate-700">Du loggar in med kommunens inloggning. Ditt lösenord byter du där.</p>
        )}
        <div className="mt-6 flex items-center gap-4">
          {session.changeRequired ? null : (
            <Link href="/" className="underline">
              Tillbaka till Yttra
            </Link>
          )}
          <LogoutButton variant="page" />
        </div>
      </div>
      <PublicPageLinks className="mt-6 px-2 text-sm" />
    </main>
  );
};

export default ChangePasswordPage;
