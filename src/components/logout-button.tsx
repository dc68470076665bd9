"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

const STYLES = {
  header: "rounded border border-white/60 px-3 py-1 text-sm font-semibold text-white hover:bg-white/10",
  page: "rounded border border-brand-700 px-3 py-1 text-sm font-semibold text-brand-800 hover:bg-brand-50",
};

/** `variant`: in the dark header (default) or on a light page. */
export const LogoutButton = ({ variant = "header" }: { variant?: keyof typeof STYLES }) => {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/logga-in" });
      }}
      className={STYLES[variant]}
    >
      Logga ut
    </button>
  );
};
