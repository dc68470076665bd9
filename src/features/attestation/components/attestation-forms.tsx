"use client";
import { useState } from "react";
import { ActionForm, clientFormAction, Field, FieldGroup, SelectField, useFormField } from "@/components/form";
import { StepUpLogin } from "@/features/auth/components";
import { attestAction, returnAction, sendForAttestationAction, withdrawAction } from "../actions";

type AttesterOption = { userId: string; label: string };

export const SendForAttestationForm = ({ caseId, versionNumber, options, defaults }: { caseId: string; versionNumber: number; options: AttesterOption[]; defaults: string[] }) => {
  const positions = Math.min(3, Math.max(2, options.length));
  const action = clientFormAction((form) =>
    sendForAttestationAction({
      caseId,
      versionNumber,
      order: form.get("order") === "PARALLEL" ? "PARALLEL" : "SEQUENTIAL",
      attesterIds: Array.from({ length: positions }, (_, index) => String(form.get(`attester-${index}`) ?? "")).filter(Boolean),
    }),
  );
  return (
    <ActionForm action={action} submitLabel="Skicka på attestering" pendingLabel="Skickar …" successMessage="Tjänsteutlåtandet är skickat på attestering." refresh className="space-y-4">
      <FieldGroup name="attesterIds" legend="Attestanter" className="space-y-2">
        <p className="text-sm text-slate-700">Förvalda är avdelningens avdelningschef och förvaltningens stadsdelsdirektör.</p>
        {Array.from({ length: positions }, (_, index) => (
          <SelectField
            key={index}
            name={`attester-${index}`}
            label={`Attestant ${index + 1}`}
            placeholder="Ingen"
            defaultValue={defaults[index] ?? ""}
            options={options.map((option) => ({ value: option.userId, label: option.label }))}
          />
        ))}
      </FieldGroup>
      <fieldset>
        <legend className="font-semibold">Ordning</legend>
        <div className="mt-1 flex gap-6">
          <label className="flex items-center gap-2">
            <input type="radio" name="order" value="SEQUENTIAL" defaultChecked /> I tur och ordning
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="order" value="PARALLEL" /> Samtidigt
          </label>
        </div>
      </fieldset>
    </ActionForm>
  );
};

/** The password prompt, also when the server answers that the login has aged past the limit while the page was open. */
const AttestPassword = ({ caseId, needsPassword, hasPassword }: { caseId: string; needsPassword: boolean; hasPassword: boolean }) => {
  const { errors } = useFormField("password");
  if (!needsPassword && !errors?.length) return null;
  if (!hasPassword) return <StepUpLogin callbackUrl={`/arenden/${caseId}/attestering`} />;
  return <Field name="password" label="Bekräfta med ditt lösenord" type="password" autoComplete="current-password" hint="Din inloggning är äldre än fem minuter." />;
};

export const AttestForm = ({ caseId, stepId, contentHash, needsPassword, hasPassword }: { caseId: string; stepId: string; contentHash: string; needsPassword: boolean; hasPassword: boolean }) => {
  const action = clientFormAction((form) => attestAction({ caseId, stepId, contentHash, ...(form.has("password") ? { password: String(form.get("password") ?? "") } : {}) }));
  if (needsPassword && !hasPassword) return <StepUpLogin callbackUrl={`/arenden/${caseId}/attestering`} />;
  return (
    <ActionForm action={action} submitLabel="Attestera" pendingLabel="Attesterar …" labels={{ password: "Bekräfta med ditt lösenord" }} successMessage="Du har attesterat tjänsteutlåtandet." refresh className="space-y-4">
      <AttestPassword caseId={caseId} needsPassword={needsPassword} hasPassword={hasPassword} />
      <p className="text-sm text-slate-700">Genom att attestera godkänner du exakt den version som visas ovan.</p>
    </ActionForm>
  );
};

export const ReturnForm = ({ caseId, stepId }: { caseId: string; stepId: string }) => (
  <ActionForm action={clientFormAction((form) => returnAction({ caseId, stepId, comment: String(form.get("comment") ?? "") }))} submitLabel="Skicka tillbaka" variant="secondary" successMessage="Tjänsteutlåtandet är skickat tillbaka till handläggaren." refresh>
    <Field name="comment" label="Kommentar till handläggaren" rows={3} />
  </ActionForm>
);

export const WithdrawForm = ({ caseId, attested }: { caseId: string; attested: boolean }) => {
  const [open, setOpen] = useState(false);
  const withdrawText = attested ? "Alla attesteringar blir ogiltiga och tjänsteutlåtandet går att ändra igen." : "Attesteringen avbryts och tjänsteutlåtandet går att ändra igen.";
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="rounded border border-red-700 px-4 py-2 font-semibold text-red-800 hover:bg-red-50">
        Återkalla attestering
      </button>
    );
  }
  return (
    <ActionForm
      action={clientFormAction((form) => withdrawAction({ caseId, reason: String(form.get("reason") ?? "") }))}
      submitLabel="Återkalla"
      variant="danger"
      confirm={{ title: "Återkalla attesteringen?", text: withdrawText, confirmLabel: "Återkalla attesteringen" }}
      successMessage="Attesteringen är återkallad."
      refresh
      onSuccess={() => setOpen(false)}
    >
      <p className="text-sm text-slate-700">{withdrawText}</p>
      <Field name="reason" label="Skäl" rows={2} />
    </ActionForm>
  );
};
