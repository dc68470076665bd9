"use client";

// Adding and removing medhandläggare on the case page (for those who may change the handläggare).
import { ActionForm, Hidden, SelectField } from "@/components/form";
import { addCoOfficerAction, removeCoOfficerAction } from "../actions";

type CoOfficerActionsProps = {
  caseId: string;
  version: number;
  coOfficers: { id: string; name: string }[];
  candidates: { id: string; name: string }[];
};

export const CoOfficerActions = ({ caseId, version, coOfficers, candidates }: CoOfficerActionsProps) => (
  <section aria-labelledby="co-officers-heading" className="rounded border border-slate-300 bg-white p-4">
    <h3 id="co-officers-heading" className="text-lg font-semibold">
      Medhandläggare
    </h3>
    <p className="mt-1 text-sm text-slate-700">Medhandläggare skriver tjänsteutlåtandet tillsammans med den ansvariga handläggaren och namnges i dess sidhuvud. Bara den ansvariga skickar det på attestering.</p>
    {coOfficers.length > 0 ? (
      <ul className="mt-3 space-y-2">
        {coOfficers.map((coOfficer) => (
          <li key={coOfficer.id} className="flex flex-wrap items-center gap-3">
            <span>{coOfficer.name}</span>
            <ActionForm
              action={removeCoOfficerAction}
              submitLabel={`Ta bort ${coOfficer.name}`}
              successMessage={`${coOfficer.name} är inte längre medhandläggare.`}
              variant="danger"
              confirm={{ title: `Ta bort ${coOfficer.name} som medhandläggare?`, text: "Personen kan då inte längre skriva tjänsteutlåtandet.", confirmLabel: "Ta bort" }}
            >
              <Hidden name="caseId" value={caseId} />
              <Hidden name="version" value={version} />
              <Hidden name="userId" value={coOfficer.id} />
            </ActionForm>
          </li>
        ))}
      </ul>
    ) : (
      <p className="mt-3">Ärendet har inga medhandläggare.</p>
    )}
    {candidates.length > 0 ? (
      <ActionForm action={addCoOfficerAction} submitLabel="Lägg till medhandläggare" successMessage="Medhandläggaren är tillagd." className="mt-4 space-y-3">
        <Hidden name="caseId" value={caseId} />
        <Hidden name="version" value={version} />
        <SelectField name="userId" label="Ny medhandläggare" required placeholder="Välj handläggare" options={candidates.map((candidate) => ({ value: candidate.id, label: candidate.name }))} />
      </ActionForm>
    ) : (
      <p className="mt-3 text-slate-700">Det finns inga fler handläggare i förvaltningen att lägga till.</p>
    )}
  </section>
);
