// "Inkomna remisser": internal remisser sent to the registrator's committees, each accepted
// into a new case (avdelning, handläggare, klass) or sent back with a reason.
import { ActionForm, Field, Hidden, SelectField } from "@/components/form";
import { ExportButtons } from "@/components/export-buttons";
import { acceptReferralAction, returnReferralAction } from "../actions";
import type { IncomingReferral } from "../server";

export type AcceptOptions = {
  /** Per committee: the departments the registrator may register in, with their handläggare. */
  committees: { id: string; departments: { id: string; name: string; caseOfficers: { id: string; name: string }[] }[] }[];
  classifications: { id: string; code: string; title: string }[];
};

export const IncomingReferrals = ({ referrals, options }: { referrals: IncomingReferral[]; options: AcceptOptions }) =>
  referrals.length === 0 ? (
    <p>Det finns inga inkomna remisser att registrera.</p>
  ) : (
    <ul className="space-y-6">
      {referrals.map((referral) => {
        const departments = options.committees.find((committee) => committee.id === referral.committee.id)?.departments ?? [];
        return (
          <li key={referral.id} className="rounded border border-slate-300 bg-white p-4" data-testid="incoming-referral">
            <h2 className="text-lg font-semibold">
              {referral.title} <span className="font-normal text-slate-700">({referral.senderCaseNumber})</span>
            </h2>
            <p>
              Från {referral.sender} till {referral.committee.name}. Skickad {referral.sentDate}, remisstid {referral.dueDate}.
              {referral.masked && referral.secrecyReference ? ` Sekretess enligt ${referral.secrecyReference}.` : ""}
            </p>
            {referral.masked ? (
              <p className="mt-2 text-sm italic">Missivet är sekretessmarkerat och visas inte här.</p>
            ) : (
              <div className="mt-2">
                <ExportButtons kind="referral" id={referral.missivId} />
              </div>
            )}
            <div className="mt-4 grid gap-6 md:grid-cols-2">
              <ActionForm action={acceptReferralAction} submitLabel="Registrera som ärende" ariaLabel={`Registrera ${referral.senderCaseNumber}`} testId="accept-referral-form">
                <Hidden name="recipientId" value={referral.id} />
                <Hidden name="version" value={referral.version} />
                <SelectField name="departmentId" label="Avdelning" options={departments.map((department) => ({ value: department.id, label: department.name }))} placeholder="Välj avdelning" required />
                <SelectField
                  name="caseOfficerId"
                  label="Handläggare"
                  groups={departments.map((department) => ({ label: department.name, options: department.caseOfficers.map((officer) => ({ value: officer.id, label: officer.name })) }))}
                  placeholder="Välj handläggare"
                  required
                />
                <SelectField name="classificationId" label="Klassificering" options={options.classifications.map((item) => ({ value: item.id, label: `${item.code} ${item.title}` }))} placeholder="Ingen" />
              </ActionForm>
              <ActionForm action={returnReferralAction} submitLabel="Skicka tillbaka" variant="secondary" ariaLabel={`Skicka tillbaka ${referral.senderCaseNumber}`} testId="return-referral-form">
                <Hidden name="recipientId" value={referral.id} />
                <Hidden name="version" value={referral.version} />
                <Field name="reason" label="Skäl (till exempel fel mottagare)" rows={3} required />
              </ActionForm>
            </div>
          </li>
        );
      })}
    </ul>
  );
