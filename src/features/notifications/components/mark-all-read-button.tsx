"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { markNotificationsReadAction } from "../actions";

export const MarkAllReadButton = () => {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => startTransition(async () => { await markNotificationsReadAction({ ids: "ALL" }); router.refresh(); })}
      className="mt-3 text-sm font-semibold text-brand-800 underline"
    >
      Markera alla som lästa
    </button>
  );
};
