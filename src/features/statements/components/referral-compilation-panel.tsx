"use client";
// "Uppdatera från remissvaren" under the Remissammanställning: creates the section (one
// paragraph per remissinstans) or refreshes it from the answers. Paragraphs the handläggare
// edited are never overwritten: each such answer is listed with its new text, to be appended
// or left out ("Behåll min text").
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { refreshReferralCompilationAction } from "../actions";
import type { CompilationConflict, CompilationResolution } from "../referral-compilation";
import type { TRichText } from "../rich-text";
import type { SectionSaver } from "./section-saver";

type Outcome = { message: string; conflicts: CompilationConflict[] };

const describe = ({ status, added, updated, conflicts }: { status: "SAVED" | "UNCHANGED"; added: number; updated: number; conflicts: CompilationConflict[] }): string => {
  if (status === "UNCHANGED" && conflicts.length === 0) return "Sammanställningen stämmer redan med remissvaren.";
  const parts = [added > 0 ? `${added} ${added === 1 ? "instans tillagd" : "instanser tillagda"}` : null, updated > 0 ? `${updated} ${updated === 1 ? "stycke uppdaterat" : "stycken uppdaterade"}` : null].filter(Boolean);
  const done = parts.length > 0 ? `Uppdaterad: ${parts.join(", ")}.` : "Inget stycke ändrades.";
  return conflicts.length > 0 ? `${done} ${conflicts.length} svar har ändrats i stycken du har skrivit om – se nedan.` : done;
};

export const ReferralCompilationPanel = ({ statementId, saver }: { statementId: string; saver: SectionSaver<TRichText> | null }) => {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = (resolve: CompilationResolution[] = []) => {
    setError(null);
    // The merge works on the saved text: the handläggare's latest words must be on the server first.
    if (saver?.hasUnsaved()) {
      saver.flush();
      setError("Dina senaste ändringar i sammanställningen sparas först. Välj Uppdatera igen när de är sparade.");
      return;
    }
    startTransition(async () => {
      const result = await refreshReferralCompilationAction({ statementId, resolve });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      if (result.data.status === "SAVED") {
        if (saver) saver.adopt(result.data.body, result.data.version);
        // Created just now: the page renders the section's editor.
        else router.refresh();
      }
      setOutcome({ message: describe(result.data), conflicts: result.data.conflicts });
    });
  };

  return (
    <div className="mt-2 rounded border border-slate-300 bg-slate-50 p-3 text-sm" data-testid="referral-compilation-panel">
      <p className="text-slate-700">
        Ett stycke per remissinstans med ställningstagande och sammanfattning av svaret. Du kan skriva om texten fritt: en uppdatering ändrar bara stycken som står kvar som de genererades.
      </p>
      <button
        type="button"
        disabled={pending}
        onClick={() => refresh()}
        className="mt-2 rounded border border-brand-700 px-3 py-1 font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60"
      >
        {saver ? "Uppdatera från remissvaren" : "Skapa remissammanställning"}
      </button>
      {error ? (
        <p role="alert" className="mt-2 font-semibold text-red-800">
          {error}
        </p>
      ) : null}
      {outcome ? (
        <div aria-live="polite" className="mt-2">
          <p>{outcome.message}</p>
          {outcome.conflicts.length > 0 ? (
            <ul className="mt-2 space-y-2" data-testid="referral-compilation-conflicts">
              {outcome.conflicts.map((conflict) => (
                <li key={conflict.recipientId} className="rounded border border-amber-400 bg-amber-50 p-2">
                  <p>
                    <strong>{conflict.name}</strong>: svaret har ändrats sedan sammanställningen gjordes, och du har skrivit om stycket. Din text är kvar. Ny text från remissvaret:
                  </p>
                  <blockquote className="my-1 border-l-4 border-amber-400 pl-2">{conflict.text}</blockquote>
                  <div className="flex flex-wrap gap-2">
                    <button type="button" disabled={pending} onClick={() => refresh([{ recipientId: conflict.recipientId, keep: "APPEND" }])} className="rounded border border-slate-500 px-2 py-0.5 font-semibold hover:bg-white">
                      Lägg till den nya texten sist
                    </button>
                    <button type="button" disabled={pending} onClick={() => refresh([{ recipientId: conflict.recipientId, keep: "MINE" }])} className="rounded border border-slate-500 px-2 py-0.5 font-semibold hover:bg-white">
                      Behåll min text
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
};
