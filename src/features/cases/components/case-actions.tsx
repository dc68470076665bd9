"use client";

import { useActionState, useId } from "react";
import type { ActionResult } from "@/server/action";
import { closeCaseAction, markCaseMisregisteredAction, reassignCaseAction } from "../actions";
import { describedBy, Field, inputClass } from "./form-parts";

type ChangeAction = (previous: ActionResult<{ caseId: string }> | null, form: FormData) => Promise<ActionResult<{ caseId: string }>>;

const ChangeForm = ({
  action,
  caseId,
  version,
  title,
  submitLabel,
  doneMessage,
  danger,
  children,
}: {
  action: ChangeAction;
  caseId: string;
  version: number;
  title: string;
  submitLabel: string;
  doneMessage: string;
  danger?: boolean;
  children: (errors: Record<string, string[]> | undefined) => React.ReactNode;
}) => {
  const [state, formAction, pending] = useActionState(action, null);
  const headingId = useId();
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <section aria-labelledby={headingId} className="rounded border border-slate-300 bg-white p-4">
      <h3 id={headingId} className="text-lg font-semibold">
        {title}
      </h3>
      <div role="alert" className="mt-2">
        {state && !state.ok ? <p className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">{state.error}</p> : null}
      </div>
      <div role="status">{state?.ok ? <p className="rounded border border-green-300 bg-green-50 px-3 py-2 text-green-900">{doneMessage}</p> : null}</div>
      <form action={formAction} className="mt-3 space-y-3">
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        {children(errors)}
        <button
          type="submit"
          disabled={pending}
          className={`rounded px-4 py-2 font-semibold text-white disabled:opacity-60 ${danger ? "bg-red-700 hover:bg-red-800" : "bg-brand-700 hover:bg-brand-800"}`}
        >
          {pending ? "Sparar …" : submitLabel}
        </button>
      </form>
    </section>
  );
};

type CaseActionsProps = {
  caseId: string;
  version: number;
  permissions: { reassign: boolean; close: boolean; misregister: boolean };
  reassignCandidates: { id: string; name: string }[];
};

export const CaseActions = ({ caseId, version, permissions, reassignCandidates }: CaseActionsProps) => (
  <div className="grid gap-4 md:grid-cols-2">
    {permissions.reassign && reassignCandidates.length > 0 ? (
      <ChangeForm action={reassignCaseAction} caseId={caseId} version={version} title="Byt handläggare" submitLabel="Byt handläggare" doneMessage="Handläggaren är bytt.">
        {(errors) => (
          <Field name="caseOfficerId" label="Ny handläggare" required errors={errors} prefix="reassign">
            <select {...describedBy("caseOfficerId", errors, false, "reassign")} defaultValue="" className={inputClass}>
              <option value="">Välj handläggare</option>
              {reassignCandidates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </Field>
        )}
      </ChangeForm>
    ) : null}
    {permissions.reassign && reassignCandidates.length === 0 ? (
      <section className="rounded border border-slate-300 bg-white p-4">
        <h3 className="text-lg font-semibold">Byt handläggare</h3>
        <p className="mt-2 text-slate-700">Det finns ingen annan handläggare på avdelningen att lämna över ärendet till.</p>
      </section>
    ) : null}
    {permissions.close ? (
      <ChangeForm action={closeCaseAction} caseId={caseId} version={version} title="Avsluta ärendet" submitLabel="Avsluta ärendet" doneMessage="Ärendet är avslutat.">
        {(errors) => (
          <Field name="reason" label="Skäl för att avsluta" required errors={errors} prefix="close" hint="Till exempel ”Remissen besvarad genom nämndens beslut 2024-05-21, § 12”.">
            <textarea {...describedBy("reason", errors, true, "close")} rows={3} maxLength={1000} className={inputClass} />
          </Field>
        )}
      </ChangeForm>
    ) : null}
    {permissions.misregister ? (
      <ChangeForm
        action={markCaseMisregisteredAction}
        caseId={caseId}
        version={version}
        title="Markera som felregistrerat"
        submitLabel="Markera som felregistrerat"
        doneMessage="Ärendet är markerat som felregistrerat."
        danger
      >
        {(errors) => (
          <>
            <p className="text-sm text-slate-700">Ärendet behåller sitt diarienummer, som aldrig återanvänds, och försvinner från arbetslistorna.</p>
            <Field name="reason" label="Skäl för felregistrering" required errors={errors} prefix="misregister">
              <textarea {...describedBy("reason", errors, false, "misregister")} rows={3} maxLength={1000} className={inputClass} />
            </Field>
          </>
        )}
      </ChangeForm>
    ) : null}
  </div>
);
