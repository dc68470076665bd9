"use client";
import { useState, useTransition } from "react";
import { restoreStatementVersionAction } from "../actions";

export const RestoreVersionButton = ({ caseId, statementId, number, baseVersion }: { caseId: string; statementId: string; number: number; baseVersion: number }) => {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span>
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(`Återställa version ${number}? Den blir en ny version; ingen historik försvinner.`)) return;
          setError(null);
          startTransition(async () => {
            const result = await restoreStatementVersionAction({ caseId, statementId, number, baseVersion });
            if (!result.ok) setError(result.error);
          });
        }}
        className="rounded border border-brand-700 px-2 py-1 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60"
      >
        Återställ <span className="sr-only">version {number}</span>
      </button>
      {error ? (
        <span role="alert" className="ml-2 text-sm text-red-800">
          {error}
        </span>
      ) : null}
    </span>
  );
};
