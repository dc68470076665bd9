// The case's attestation page: state, the version sent, and what the actor may do now.
// The document itself comes from the page (the exports' one rendering of the document
// model, the same the PDF is drawn from); the attester's form follows it, so the person
// reads first and attests what they just read.
import { Link } from "@/components/link";
import type { ReactNode } from "react";
import { ROLE_LABELS } from "@/lib/roles";
import type { CaseAttestationView } from "../server/attestation-queries";
import { AttestationSteps } from "./attestation-steps";
import { AttestForm, ReturnForm, SendForAttestationForm, WithdrawForm } from "./attestation-forms";
import { REQUEST_STATUS_LABELS, STATEMENT_STATUS_LABELS } from "./labels";
import { formatDate, formatDateTime } from "@/lib/dates";

export const CaseAttestationPanel = ({ view, document }: { view: CaseAttestationView; document: ReactNode }) => {
  const { state, statement, version } = view;
  const request = state?.request ?? null;
  const statusLabel = state?.attested ? "Attesterad" : statement ? STATEMENT_STATUS_LABELS[statement.status] : "Inget tjänsteutlåtande";
  return (
    <div className="space-y-8">
      <section aria-labelledby="attestation-status" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="attestation-status" className="text-xl font-semibold">
          Status: <span data-testid="attestation-status">{statusLabel}</span>
        </h2>
        {state?.attested && request ? (
          <div className="mt-2">
            <p className="font-semibold">Attesterat av</p>
            <p>Detta dokument har godkänts digitalt av följande personer:</p>
            <ul className="mt-1 list-disc pl-6" data-testid="attested-by">
              {state.steps.map((step) => (
                <li key={step.id}>
                  {step.attesterName}, {step.attesterTitle?.toLowerCase()} – {step.attestedAt ? formatDate(step.attestedAt) : ""}
                </li>
              ))}
            </ul>
            <p className="mt-2">
              Verifieringskod: <Link href={`/verifiera/${request.verificationCode}`} className="font-mono underline" data-testid="verification-code">{request.verificationCode}</Link>
            </p>
          </div>
        ) : null}
        {request && !state?.attested && request.status === "COMPLETED" ? (
          <p role="alert" className="mt-2 rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
            Attesteringen gäller inte: {state!.problems.join("; ")}.
          </p>
        ) : null}
        {request && (request.status === "RETURNED" || request.status === "WITHDRAWN") ? (
          <p className="mt-2">
            Senaste omgången: {REQUEST_STATUS_LABELS[request.status]}
            {request.invalidatedAt ? ` ${formatDateTime(request.invalidatedAt)}` : ""}
            {request.invalidatedByName ? ` av ${request.invalidatedByName}` : ""}. Skäl: {request.invalidationReason}
          </p>
        ) : null}
        {request ? <AttestationSteps steps={state!.steps} caption={`Attestering av version ${request.versionNumber} (${REQUEST_STATUS_LABELS[request.status].toLowerCase()})`} /> : null}
        {view.canWithdraw ? (
          <div className="mt-4">
            <WithdrawForm caseId={view.caseId} attested={request?.status === "COMPLETED"} />
          </div>
        ) : null}
      </section>

      {view.myStep && version ? (
        <p className="rounded border border-brand-700 bg-white p-3">
          Läs versionen nedan. Du attesterar eller skickar tillbaka den{" "}
          <a href="#my-step" className="text-brand-700 underline">
            efter dokumentet
          </a>
          .
        </p>
      ) : null}
      {view.waitingForOthers ? <p className="rounded border border-slate-300 bg-slate-50 p-3">Du attesterar när tidigare attestanter är klara.</p> : null}

      {view.canSend && version ? (
        <section aria-labelledby="send-heading" className="rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="send-heading" className="text-xl font-semibold">
            Skicka på attestering
          </h2>
          {view.missingRequired.length > 0 ? (
            <div className="mt-2 rounded border border-amber-700 bg-amber-50 p-3" data-testid="send-missing-required">
              <p>
                <strong>Obligatoriska avsnitt utan innehåll:</strong> {view.missingRequired.join(", ")}.
              </p>
              <p className="mt-1">
                Fyll i dem i{" "}
                <Link href={`/arenden/${view.caseId}/tjansteutlatande`} className="text-brand-700 underline underline-offset-4">
                  tjänsteutlåtandet
                </Link>{" "}
                innan du skickar det på attestering.
              </p>
            </div>
          ) : (
            <>
              <p className="mb-3 text-sm text-slate-700">Version {version.number} skickas. Tjänsteutlåtandet går inte att ändra medan det är på attestering.</p>
              <SendForAttestationForm
                caseId={view.caseId}
                versionNumber={version.number}
                options={view.eligible.map((attester) => ({ userId: attester.userId, label: `${attester.name} (${ROLE_LABELS[attester.role].toLowerCase()})` }))}
                defaults={view.defaults.map((attester) => attester.userId)}
              />
            </>
          )}
        </section>
      ) : null}

      {version ? (
        <section aria-labelledby="version-heading">
          <h2 id="version-heading" className="text-xl font-semibold">
            {request && (request.status === "PENDING" || request.status === "COMPLETED") ? "Versionen som attesteras" : "Aktuell version"}
          </h2>
          <p className="mt-1 mb-3 text-sm text-slate-700">
            Version {version.number}, sparad {formatDateTime(version.createdAt)} av {version.authorName} · kontrollsumma (SHA-256){" "}
            <span className="break-all font-mono" data-testid="version-hash">
              {version.hash}
            </span>
          </p>
          {document}
        </section>
      ) : (
        <p>Tjänsteutlåtandet har ingen sparad version ännu.</p>
      )}
      {view.myStep && version ? (
        <section aria-labelledby="my-step" className="rounded-lg border-2 border-brand-700 bg-white p-4">
          <h2 id="my-step" className="text-xl font-semibold">
            Din attestering
          </h2>
          {view.myStep.isAuthor ? (
            <p role="alert">Du har skrivit tjänsteutlåtandet eller handlägger ärendet och kan inte attestera det.</p>
          ) : (
            <div className="mt-3 grid gap-6 md:grid-cols-2">
              <AttestForm caseId={view.caseId} stepId={view.myStep.id} contentHash={version.hash} needsPassword={view.myStep.needsPassword} hasPassword={view.myStep.hasPassword} />
              <ReturnForm caseId={view.caseId} stepId={view.myStep.id} />
            </div>
          )}
        </section>
      ) : null}
    </div>
  );
};
