"use client";
// "Ny mall" on /admin/mallar: a copy of one of the municipality's templates, for the whole
// municipality or for one committee (then the default for its cases), with who proposes.
// The usual proposers are offered with their genitive; "Annan" takes both forms typed.
import { useId, useState } from "react";
import { ActionForm, Field, SelectField, type SelectOption } from "@/components/form";
import { createStatementTemplateAction } from "../actions";
import { PROPOSER_SUGGESTIONS, PROPOSER_TOKEN } from "../content";

const OTHER_PROPOSER = "other";

const LABELS = {
  basedOnTemplateId: "Utgår från",
  name: "Namn",
  committeeId: "Gäller",
  "proposer.name": "Förslagsställare",
  "proposer.genitive": "Förslagsställare i genitiv",
};

export const CreateTemplateForm = ({ templates, committees }: { templates: SelectOption[]; committees: SelectOption[] }) => {
  const id = useId();
  const [proposer, setProposer] = useState<string>(PROPOSER_SUGGESTIONS[0]!.name);
  return (
    <ActionForm action={createStatementTemplateAction} submitLabel="Skapa mallen" successMessage="Mallen är skapad." labels={LABELS} ariaLabel="Ny mall">
      <div className="grid gap-4 sm:grid-cols-2 sm:items-start">
        <SelectField name="basedOnTemplateId" label="Utgår från" options={templates} required hint="Avsnitt, underrubrik och undertecknare kopieras." />
        <Field name="name" label="Namn" required maxLength={200} />
        <SelectField name="committeeId" label="Gäller" placeholder="Hela kommunen" options={committees} hint="En nämnds egen mall används för nämndens nya tjänsteutlåtanden. En nämnd har högst en egen mall." />
        <div>
          <label htmlFor={`${id}-proposer`} className="block font-semibold">
            Förslag till beslut från
          </label>
          <select
            id={`${id}-proposer`}
            name="proposerChoice"
            value={proposer}
            onChange={(event) => setProposer(event.target.value)}
            aria-describedby={`${id}-proposer-hint`}
            className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
          >
            {PROPOSER_SUGGESTIONS.map((suggestion) => (
              <option key={suggestion.name} value={suggestion.name}>
                {suggestion.name}
              </option>
            ))}
            <option value={OTHER_PROPOSER}>annan …</option>
          </select>
          <p id={`${id}-proposer-hint`} className="mt-1 text-sm text-slate-600">
            Namnger rubriken (”{PROPOSER_TOKEN} förslag till beslut”) och beslutet (”Bifall till … förslag”).
          </p>
        </div>
      </div>
      {proposer === OTHER_PROPOSER ? (
        <div className="grid gap-4 sm:grid-cols-2 sm:items-start">
          <Field name="proposer.name" label="Förslagsställare" required maxLength={120} hint="Som i löpande text, t.ex. socialnämndens arbetsutskott." />
          <Field name="proposer.genitive" label="Förslagsställare i genitiv" required maxLength={120} hint="T.ex. socialnämndens arbetsutskotts." />
        </div>
      ) : null}
    </ActionForm>
  );
};
