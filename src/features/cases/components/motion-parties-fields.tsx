"use client";

// Motionärer and att-satser as repeatable rows: the registration form and "Komplettera motionen".
import type { Dispatch, SetStateAction } from "react";
import { Field, FieldGroup } from "@/components/form";

const MISSING_HINT = "Lämna tomt om du inte har dem ännu: ärendet markeras Komplettera tills motionärer och att-satser är ifyllda.";

/** The error summary's name of a repeated motion field, by its position; null for other fields. */
export const motionPartyLabel = (name: string): string | null => {
  const author = /^motion\.authors\.(\d+)\.(name|party)$/.exec(name);
  if (author) return `Motionär ${Number(author[1]) + 1}, ${author[2] === "name" ? "namn" : "parti"}`;
  const proposal = /^motion\.proposals\.(\d+)$/.exec(name);
  if (proposal) return `Att-sats ${Number(proposal[1]) + 1}`;
  return null;
};

/** Rows to show for a repeated group: as many as the submitted values had, at least one. */
export const motionRowCount = (values: Record<string, string> | undefined, prefix: string): number => {
  const indexes = Object.keys(values ?? {})
    .map((key) => new RegExp(`^${prefix.replaceAll(".", "\\.")}\\.(\\d+)`).exec(key)?.[1])
    .filter((index): index is string => index !== undefined)
    .map(Number);
  return indexes.length > 0 ? Math.max(...indexes) + 1 : 1;
};

type MotionPartiesFieldsProps = {
  authors: number;
  setAuthors: Dispatch<SetStateAction<number>>;
  proposals: number;
  setProposals: Dispatch<SetStateAction<number>>;
  /** Current values of "Komplettera motionen"; the registration form starts empty. */
  initial?: { authors: { name: string; party: string | null }[]; proposals: string[] };
};

export const MotionPartiesFields = ({ authors, setAuthors, proposals, setProposals, initial }: MotionPartiesFieldsProps) => (
  <>
    <FieldGroup name="motion.authors" legend="Motionärer" className="space-y-3">
      <p className="text-sm text-slate-600">{MISSING_HINT}</p>
      {Array.from({ length: authors }, (_, index) => (
        <div key={index} className="grid gap-3 md:grid-cols-[1fr_10rem]">
          <Field name={`motion.authors.${index}.name`} label={`Motionär ${index + 1}, namn`} maxLength={200} defaultValue={initial?.authors[index]?.name} />
          <Field name={`motion.authors.${index}.party`} label={`Motionär ${index + 1}, parti`} maxLength={10} defaultValue={initial?.authors[index]?.party ?? undefined} />
        </div>
      ))}
      <div className="flex gap-3">
        <button type="button" onClick={() => setAuthors((count) => Math.min(count + 1, 50))} className="rounded border border-brand-700 px-3 py-1 text-brand-800">
          Lägg till motionär
        </button>
        {authors > 1 ? (
          <button type="button" onClick={() => setAuthors((count) => count - 1)} className="rounded border border-slate-400 px-3 py-1">
            Ta bort sista motionären
          </button>
        ) : null}
      </div>
    </FieldGroup>

    <FieldGroup name="motion.proposals" legend="Att-satser, i motionens ordning" className="space-y-3">
      <ol className="space-y-3">
        {Array.from({ length: proposals }, (_, index) => (
          <li key={index}>
            <Field
              name={`motion.proposals.${index}`}
              label={`Att-sats ${index + 1}`}
              hint={index === 0 ? "Som i motionen, med eller utan det inledande ”att”: ”utreda …” och ”att utreda …” sparas lika." : undefined}
              maxLength={2000}
              rows={3}
              defaultValue={initial?.proposals[index]}
            />
          </li>
        ))}
      </ol>
      <div className="flex gap-3">
        <button type="button" onClick={() => setProposals((count) => Math.min(count + 1, 30))} className="rounded border border-brand-700 px-3 py-1 text-brand-800">
          Lägg till att-sats
        </button>
        {proposals > 1 ? (
          <button type="button" onClick={() => setProposals((count) => count - 1)} className="rounded border border-slate-400 px-3 py-1">
            Ta bort sista att-satsen
          </button>
        ) : null}
      </div>
    </FieldGroup>
  </>
);
