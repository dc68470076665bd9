"use client";
// Choosing handlingar of a case (remisshandlingar, Bilagor): a checkbox per handling, in the
// diarium's order. A case of many handlingar shows its newest and those chosen, and a search
// (by number or words of the description) finds any other; a hit that is checked joins the
// list. In a form the checkboxes are the field `name`; the editor follows `chosen`/`onChange`,
// and a handling chosen from outside (another's choice kept after a conflict) is fetched and
// joins the list too.
import { useEffect, useId, useRef, useState, useTransition, type KeyboardEvent, type ReactNode } from "react";
import { buttonClass, FieldGroup, inputClass } from "@/components/form";
import { countOf } from "@/lib/paging";
import { findDocumentChoicesAction } from "../actions";
import { DOCUMENT_CHOICES_FOUND, DOCUMENT_CHOICES_SHOWN, type DocumentChoice, type DocumentChoices, type FoundDocumentChoices } from "../format";

type PickerProps = {
  caseId: string;
  choices: DocumentChoices;
  legend: ReactNode;
  legendClassName?: string;
  /** Submitted with a form: one value per chosen handling. */
  name?: string;
  /** Controlled (with onChange), else `defaultChosen` at first. */
  chosen?: readonly string[];
  defaultChosen?: readonly string[];
  onChange?: (ids: string[]) => void;
};

type SearchState = ({ query: string } & FoundDocumentChoices) | { query: string; error: string } | null;

const byOrdinal = (left: DocumentChoice, right: DocumentChoice): number => left.ordinal - right.ordinal;

export const DocumentPicker = ({ caseId, choices, legend, legendClassName, name, chosen: controlled, defaultChosen = [], onChange }: PickerProps) => {
  const id = useId();
  const [known, setKnown] = useState<DocumentChoice[]>(choices.choices);
  const [own, setOwn] = useState<readonly string[]>(defaultChosen);
  const [query, setQuery] = useState("");
  const [search, setSearch] = useState<SearchState>(null);
  const [searching, startSearch] = useTransition();
  const asked = useRef("");
  const chosen = controlled ?? own;
  const [unshown, setUnshown] = useState<string | null>(null);

  // Chosen, but not in the list: fetched, so that every chosen handling has its checkbox.
  const missing = chosen.filter((documentId) => !known.some((entry) => entry.id === documentId)).join(",");
  useEffect(() => {
    if (missing === "") return;
    let current = true;
    const failed = () => current && setUnshown("Några valda handlingar kunde inte visas. Ladda om sidan.");
    findDocumentChoicesAction({ caseId, ids: missing.split(",") })
      .then((result) => {
        if (!current) return;
        if (!result.ok) return failed();
        setUnshown(null);
        setKnown((list) => [...list, ...result.data.hits.filter((hit) => !list.some((entry) => entry.id === hit.id))].sort(byOrdinal));
      })
      .catch(failed);
    return () => {
      current = false;
    };
  }, [caseId, missing]);

  const toggle = (document: DocumentChoice, checked: boolean) => {
    const list = known.some((entry) => entry.id === document.id) ? known : [...known, document].sort(byOrdinal);
    if (list !== known) setKnown(list);
    const ordinal = new Map(list.map((entry) => [entry.id, entry.ordinal]));
    const others = chosen.filter((candidate) => candidate !== document.id);
    // The diarium's order, so that Bilagor reads like the case's list of handlingar.
    const next = (checked ? [...others, document.id] : others).sort((left, right) => (ordinal.get(left) ?? Infinity) - (ordinal.get(right) ?? Infinity));
    if (controlled === undefined) setOwn(next);
    onChange?.(next);
  };

  const run = () => {
    const text = query.trim();
    if (!text || searching) return;
    asked.current = text;
    startSearch(async () => {
      try {
        const result = await findDocumentChoicesAction({ caseId, query: text });
        // An answer to an older search does not replace a newer one.
        if (asked.current !== text) return;
        setSearch(result.ok ? { query: text, ...result.data } : { query: text, error: result.error });
      } catch {
        if (asked.current === text) setSearch({ query: text, error: "Det gick inte att nå servern. Försök igen." });
      }
    });
  };
  // Enter searches; it must not send the form the picker is part of.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
    event.preventDefault();
    run();
  };

  // A hit's checkbox is not a form field: checked, the hit joins the list, whose checkbox is.
  const item = (document: DocumentChoice, field: boolean) => (
    <li key={document.id}>
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          className="mt-1 h-5 w-5"
          {...(field && name ? { name, value: document.id } : {})}
          checked={chosen.includes(document.id)}
          onChange={(event) => toggle(document, event.target.checked)}
        />
        <span>
          {document.description ?? "Handling med sekretess"} <span className="text-slate-600">({document.number})</span>
          {document.confidential ? <strong className="ml-1 text-amber-800">Sekretess</strong> : null}
        </span>
      </label>
    </li>
  );

  return (
    <FieldGroup name={name ?? "documents"} legend={legend} legendClassName={legendClassName}>
      {choices.complete ? null : (
        <div className="mt-1 space-y-2">
          <p id={`${id}-about`} className="text-sm text-slate-700">
            Ärendet har {countOf(choices.total, "handling", "handlingar")}. Här visas de {DOCUMENT_CHOICES_SHOWN} senaste och de du har valt. Sök efter andra på nummer eller ord i beskrivningen.
          </p>
          <div className="flex flex-wrap items-end gap-2">
            <span>
              <label htmlFor={`${id}-query`} className="block text-sm font-medium">
                Sök bland ärendets handlingar
              </label>
              <input
                id={`${id}-query`}
                type="search"
                className={`${inputClass} w-72`}
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                onKeyDown={onKeyDown}
                aria-describedby={`${id}-about`}
                maxLength={200}
              />
            </span>
            <button type="button" onClick={run} aria-disabled={searching} className={buttonClass("secondary")}>
              {searching ? "Söker …" : "Sök"}
            </button>
          </div>
          <div role="status" className="text-sm">
            {search === null ? null : "error" in search ? (
              <span className="text-red-800">{search.error}</span>
            ) : search.hits.length === 0 ? (
              `Ingen handling matchar ”${search.query}”.`
            ) : (
              search.more
                ? `Fler än ${DOCUMENT_CHOICES_FOUND} handlingar matchar ”${search.query}”; de ${DOCUMENT_CHOICES_FOUND} första visas.`
                : `${countOf(search.hits.length, "handling", "handlingar")} matchar ”${search.query}”.`
            )}
          </div>
          {search !== null && "hits" in search && search.hits.length > 0 ? (
            <ul aria-label="Sökträffar" className="space-y-1 rounded border border-slate-200 p-2">
              {search.hits.map((document) => item(document, false))}
            </ul>
          ) : null}
        </div>
      )}
      <ul aria-label={choices.complete ? undefined : "Senaste och valda handlingar"} className="mt-2 space-y-1">
        {known.map((document) => item(document, true))}
      </ul>
      {unshown ? (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {unshown}
        </p>
      ) : null}
    </FieldGroup>
  );
};
