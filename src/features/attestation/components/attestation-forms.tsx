"use client";
import { useState } from "react";
import { attestAction, returnAction, sendForAttestationAction, withdrawAction } from "../actions";
import { ErrorSummary } from "@/components/error-summary";
import { StepUpLogin } from "@/features/auth/components";
import { FieldError, SubmitButton, useActionForm } from "./action-form";

const inputClass = "mt-1 w-full rounded border border-slate-400 px-3 py-2";

type AttesterOption = { userId: string; label: string };

export const SendForAttestationForm = ({ caseId, versionNumber, options, defaults }: { caseId: string; versionNumber: number; options: AttesterOption[]; defaults: string[] }) => {
  const positions = Math.min(3, Math.max(2, options.length));
  const { error, fieldErrors, pending, errorId, onSubmit } = useActionForm((form) =>
    sendForAttestationAction({
      caseId,
      versionNumber,
      order: form.get("order") === "PARALLEL" ? "PARALLEL" : "SEQUENTIAL",
      attesterIds: Array.from({ length: positions }, (_, index) => String(form.get(`attester-${index}`) ?? "")).filter(Boolean),
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby={error ? errorId : undefined}>
      <ErrorSummary id={errorId} message={error} />
      <fieldset>
        <legend className="font-semibold">Attestanter</legend>
        <p className="text-sm text-slate-700">Förvalda är avdelningens avdelningschef och förvaltningens stadsdelsdirektör.</p>
        {Array.from({ length: positions }, (_, index) => (
          <div key={index} className="mt-2">
            <label htmlFor={`attester-${index}`} className="block font-medium">
              Attestant {index + 1}
            </label>
            <select
              id={`attester-${index}`}
              name={`attester-${index}`}
              defaultValue={defaults[index] ?? ""}
              className={inputClass}
              aria-describedby={fieldErrors.attesterIds ? "attesterIds-error" : undefined}
            >
              <option value="">Ingen</option>
              {options.map((option) => (
                <option key={option.userId} value={option.userId}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        ))}
        <FieldError id="attesterIds-error" messages={fieldErrors.attesterIds} />
      </fieldset>
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
      <SubmitButton pending={pending}>{pending ? "Skickar …" : "Skicka på attestering"}</SubmitButton>
    </form>
  );
};

export const AttestForm = ({ caseId, stepId, contentHash, needsPassword, hasPassword }: { caseId: string; stepId: string; contentHash: string; needsPassword: boolean; hasPassword: boolean }) => {
  const { error, fieldErrors, pending, errorId, onSubmit } = useActionForm((form) =>
    attestAction({ caseId, stepId, contentHash, ...(form.has("password") ? { password: String(form.get("password") ?? "") } : {}) }),
  );
  // The login may age past the limit while the page is open: the server's answer then asks for it.
  const askPassword = needsPassword || Boolean(fieldErrors.password);
  if (askPassword && !hasPassword) return <StepUpLogin callbackUrl={`/arenden/${caseId}/attestering`} />;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby={error ? errorId : undefined}>
      <ErrorSummary id={errorId} message={error} />
      {askPassword ? (
        <div>
          <label htmlFor="attest-password" className="block font-medium">
            Bekräfta med ditt lösenord
          </label>
          <p id="attest-password-hint" className="text-sm text-slate-700">
            Din inloggning är äldre än fem minuter.
          </p>
          <input
            id="attest-password"
            name="password"
            type="password"
            autoComplete="current-password"
            className={inputClass}
            aria-invalid={fieldErrors.password ? true : undefined}
            aria-describedby={`attest-password-hint${fieldErrors.password ? " attest-password-error" : ""}`}
          />
          <FieldError id="attest-password-error" messages={fieldErrors.password} />
        </div>
      ) : null}
      <p className="text-sm text-slate-700">Genom att attestera godkänner du exakt den version som visas ovan.</p>
      <SubmitButton pending={pending}>{pending ? "Attesterar …" : "Attestera"}</SubmitButton>
    </form>
  );
};

export const ReturnForm = ({ caseId, stepId }: { caseId: string; stepId: string }) => {
  const { error, fieldErrors, pending, errorId, onSubmit } = useActionForm((form) => returnAction({ caseId, stepId, comment: String(form.get("comment") ?? "") }));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-describedby={error ? errorId : undefined}>
      <ErrorSummary id={errorId} message={error} />
      <label htmlFor="return-comment" className="block font-medium">
        Kommentar till handläggaren
      </label>
      <textarea id="return-comment" name="comment" rows={3} className={inputClass} aria-invalid={fieldErrors.comment ? true : undefined} aria-describedby={fieldErrors.comment ? "return-comment-error" : undefined} />
      <FieldError id="return-comment-error" messages={fieldErrors.comment} />
      <SubmitButton pending={pending} variant="secondary">
        Skicka tillbaka
      </SubmitButton>
    </form>
  );
};

export const WithdrawForm = ({ caseId, attested }: { caseId: string; attested: boolean }) => {
  const [open, setOpen] = useState(false);
  const { error, fieldErrors, pending, errorId, onSubmit } = useActionForm((form) => withdrawAction({ caseId, reason: String(form.get("reason") ?? "") }), () => setOpen(false));
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="rounded border border-red-700 px-4 py-2 font-semibold text-red-800 hover:bg-red-50">
        Återkalla attestering
      </button>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-describedby={error ? errorId : undefined}>
      <ErrorSummary id={errorId} message={error} />
      <p className="text-sm text-slate-700">
        {attested ? "Alla attesteringar blir ogiltiga och tjänsteutlåtandet går att ändra igen." : "Attesteringen avbryts och tjänsteutlåtandet går att ändra igen."}
      </p>
      <label htmlFor="withdraw-reason" className="block font-medium">
        Skäl
      </label>
      <textarea id="withdraw-reason" name="reason" rows={2} className={inputClass} aria-invalid={fieldErrors.reason ? true : undefined} aria-describedby={fieldErrors.reason ? "withdraw-reason-error" : undefined} />
      <FieldError id="withdraw-reason-error" messages={fieldErrors.reason} />
      <SubmitButton pending={pending} variant="secondary">
        Återkalla
      </SubmitButton>
    </form>
  );
};
