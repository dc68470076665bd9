"use client";

import { signIn } from "next-auth/react";
import { OIDC_STEP_UP_PROVIDER_ID } from "@/server/auth/provider-ids";

/**
 * For users without a password in Yttra: attesting and justering after the re-authentication
 * window need a fresh login at the municipality's identity provider, then back to `callbackUrl`.
 */
export const StepUpLogin = ({ callbackUrl }: { callbackUrl: string }) => (
  <div className="space-y-2" data-testid="step-up-login">
    <p>Din inloggning är äldre än fem minuter. Logga in igen med kommunens inloggning för att bekräfta din identitet; sedan kommer du tillbaka hit.</p>
    <button type="button" onClick={() => void signIn(OIDC_STEP_UP_PROVIDER_ID, { callbackUrl })} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
      Logga in igen
    </button>
  </div>
);
