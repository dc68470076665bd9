"use client";
// "Skapa tjänsteutlåtande": choose which of the case's documents to list as Bilagor
// (the incoming ones are preselected); the rest is prefilled from the case.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createStatementAction } from "../actions";
import type { StatementDocumentOption } from "../server/statement-queries";

export const CreateStatementForm = ({ caseId, documents }: { caseId: string; documents: StatementDocumentOption[] }) => {
  const router = useRouter();
  const [chosen, setChosen] = useState(() => documents.filter((document) => document.direction === "INCOMING").map((document) => document.id));
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="mt-4 rounded border border-slate-200 bg-white p-4"
      aria-describedby={error ? "create-statement-error" : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        startTransition(async () => {
          const result = await createStatementAction({ caseId, attachmentDocumentIds: chosen });
          if (!result.ok) setError(result.error);
          else router.refresh();
        });
      }}
    >
      {error ? (
        <p id="create-statement-error" role="alert" className="mb-3 rounded border border-red-300 bg-red-50 p-3 text-red-900">
          {error}
        </p>
      ) : null}
      <p>
        Tjänsteutlåtandet skapas från mallen ”Tjänsteutlåtande – yttrande över remiss”. Förslag till beslut, Ärendet och Ärendets beredning fylls i från ärendet, och
        stadsdelsdirektör och avdelningschef hämtas från organisationen.
      </p>
      {documents.length > 0 ? (
        <fieldset className="mt-4">
          <legend className="font-semibold">Bilagor</legend>
          <ul className="mt-1 space-y-1">
            {documents.map((document) => (
              <li key={document.id}>
                <label className="flex items-start gap-2">
                  <input
                    type="checkbox"
                    className="mt-1"
                    checked={chosen.includes(document.id)}
                    onChange={(event) => setChosen((current) => (event.target.checked ? [...current, document.id] : current.filter((id) => id !== document.id)))}
                  />
                  <span>
                    {document.description} <span className="text-slate-600">({document.number})</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <button type="submit" disabled={pending} className="mt-4 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "Skapar …" : "Skapa tjänsteutlåtande"}
      </button>
    </form>
  );
};
