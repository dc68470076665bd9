"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

export const LogoutButton = () => {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/logga-in" });
      }}
      className="rounded border border-white/60 px-3 py-1 text-sm font-semibold text-white hover:bg-white/10"
    >
      Logga ut
    </button>
  );
};
