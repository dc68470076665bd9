"use client";
// Shown when someone else saved the same section meanwhile: both texts side by side,
// the word-level difference, and three ways on. Nothing is saved until the user chooses;
// the user's text stays in the editor and in the browser's storage meanwhile.
import { diffWords } from "diff";
import { WordDiff } from "./word-diff";
import { formatTime } from "@/lib/dates";

type Props = {
  heading: string;
  mineText: string;
  theirsText: string;
  savedBy: string;
  savedAt: string;
  /** Offered when the section can be merged ("Behåll båda"). */
  canMerge: boolean;
  onKeepMine: () => void;
  onKeepBoth: () => void;
  onKeepTheirs: () => void;
};

export const ConflictPanel = ({ heading, mineText, theirsText, savedBy, savedAt, canMerge, onKeepMine, onKeepBoth, onKeepTheirs }: Props) => {
  const parts = diffWords(theirsText, mineText).map((part) => ({ value: part.value, added: Boolean(part.added), removed: Boolean(part.removed) }));
  return (
    <div role="alert" className="mt-3 rounded border-2 border-amber-500 bg-amber-50 p-4" data-testid="conflict-panel">
      <h3 className="text-lg font-semibold">Krock: {heading} har ändrats av någon annan</h3>
      <p className="mt-1">
        {savedBy} sparade avsnittet kl. {formatTime(savedAt)} medan du skrev. Din text är inte sparad ännu men finns kvar. Välj hur du vill gå vidare.
      </p>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <section aria-label="Din text">
          <h4 className="font-semibold">Din text</h4>
          <div className="mt-1 whitespace-pre-wrap rounded border border-slate-300 bg-white p-3" data-testid="conflict-mine">
            {mineText || <em>(tomt)</em>}
          </div>
        </section>
        <section aria-label="Den andras text">
          <h4 className="font-semibold">Sparad av {savedBy}</h4>
          <div className="mt-1 whitespace-pre-wrap rounded border border-slate-300 bg-white p-3" data-testid="conflict-theirs">
            {theirsText || <em>(tomt)</em>}
          </div>
        </section>
      </div>
      <h4 className="mt-3 font-semibold">Skillnader ord för ord</h4>
      <p className="text-sm text-slate-700">Överstruket finns bara i den sparade texten, understruket bara i din.</p>
      <WordDiff parts={parts} removedLabel="bara i den sparade texten" addedLabel="bara i din text" />
      <div className="mt-4 flex flex-wrap gap-2">
        {canMerge ? (
          <button type="button" onClick={onKeepBoth} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            Behåll båda
          </button>
        ) : null}
        <button type="button" onClick={onKeepMine} className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50">
          Behåll min text
        </button>
        <button type="button" onClick={onKeepTheirs} className="rounded border border-slate-400 px-4 py-2 font-semibold hover:bg-slate-100">
          Använd den sparade texten
        </button>
      </div>
      {canMerge ? <p className="mt-2 text-sm text-slate-700">”Behåll båda” lägger in båda texterna i editorn så att du kan redigera ihop dem; resultatet sparas direkt.</p> : null}
    </div>
  );
};
