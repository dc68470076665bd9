"use client";

import { useState, type ReactNode } from "react";
import { ActionForm, DateField, Field, Hidden, SelectField, type Confirmation } from "@/components/form";
import type { FormAction } from "@/server/action";
import { todayInStockholm } from "@/lib/dates";
import { closeCaseAction, completeMotionAction, markCaseMisregisteredAction, reassignCaseAction, recordMotionProposalAction } from "../actions";
import { MOTION_PROPOSED_ACTION_LABELS } from "../labels";
import { MOTION_PROPOSED_ACTIONS } from "../schemas";
import type { CaseDetails } from "../server/case-queries";
import { MotionPartiesFields, motionPartyLabel } from "./motion-parties-fields";

export const ChangeForm = ({
  action,
  caseId,
  version,
  title,
  submitLabel,
  doneMessage,
  danger,
  confirm,
  labels,
  children,
}: {
  action: FormAction<{ caseId: string }>;
  caseId: string;
  version: number;
  title: string;
  submitLabel: string;
  doneMessage: string;
  danger?: boolean;
  confirm?: Confirmation;
  labels?: (name: string) => string;
  children: ReactNode;
}) => (
  <section aria-label={title} className="rounded border border-slate-300 bg-white p-4">
    <h3 className="text-lg font-semibold">{title}</h3>
    <ActionForm action={action} submitLabel={submitLabel} successMessage={doneMessage} variant={danger ? "danger" : "primary"} confirm={confirm} labels={labels} className="mt-3 space-y-3">
      <Hidden name="caseId" value={caseId} />
      <Hidden name="version" value={version} />
      {children}
    </ActionForm>
  </section>
);

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
        <SelectField
          name="caseOfficerId"
          label="Ny handläggare"
          required
          placeholder="Välj handläggare"
          options={reassignCandidates.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
        />
      </ChangeForm>
    ) : null}
    {permissions.reassign && reassignCandidates.length === 0 ? (
      <section className="rounded border border-slate-300 bg-white p-4">
        <h3 className="text-lg font-semibold">Byt handläggare</h3>
        <p className="mt-2 text-slate-700">Det finns ingen annan handläggare på avdelningen att lämna över ärendet till.</p>
      </section>
    ) : null}
    {permissions.close ? (
      <ChangeForm action={closeCaseAction} caseId={caseId} version={version} title="Avsluta ärendet"
        submitLabel="Avsluta ärendet"
        doneMessage="Ärendet är avslutat."
        confirm={{ title: "Avsluta ärendet?", text: "Ärendet avslutas i diariet med skälet du har skrivit och försvinner från arbetslistorna.", confirmLabel: "Avsluta ärendet" }}
      >
        <Field name="reason" label="Skäl för att avsluta" required rows={3} maxLength={1000} hint="Till exempel ”Remissen besvarad genom nämndens beslut 2024-05-21, § 12”." />
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
        confirm={{
          title: "Markera ärendet som felregistrerat?",
          text: "Ärendet behåller sitt diarienummer, som aldrig återanvänds, och försvinner från arbetslistorna. Det går inte att ångra.",
          confirmLabel: "Markera som felregistrerat",
        }}
      >
        <p className="text-sm text-slate-700">Ärendet behåller sitt diarienummer, som aldrig återanvänds, och försvinner från arbetslistorna.</p>
        <Field name="reason" label="Skäl för felregistrering" required rows={3} maxLength={1000} />
      </ChangeForm>
    ) : null}
  </div>
);

type MotionActionsProps = { caseId: string; version: number; kind: CaseDetails["kind"]; motion: NonNullable<CaseDetails["motion"]> };

/** "Komplettera motionen" (motionärer and att-satser) and, for a motion raised here, the presidium's/KS' proposal. */
export const MotionActions = ({ caseId, version, kind, motion }: MotionActionsProps) => {
  const [authors, setAuthors] = useState(Math.max(motion.authors.length, 1));
  const [proposals, setProposals] = useState(Math.max(motion.proposals.length, 1));
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <ChangeForm
        action={completeMotionAction}
        caseId={caseId}
        version={version}
        title={motion.toComplete ? "Komplettera motionen" : "Ändra motionärer och att-satser"}
        submitLabel="Spara motionen"
        doneMessage="Motionen är sparad."
        labels={(name) => motionPartyLabel(name) ?? name}
      >
        <MotionPartiesFields authors={authors} setAuthors={setAuthors} proposals={proposals} setProposals={setProposals} initial={motion} />
      </ChangeForm>
      {kind === "MOTION" ? (
        <ChangeForm action={recordMotionProposalAction} caseId={caseId} version={version} title="Förslag till beslut om motionen" submitLabel="Registrera förslaget" doneMessage="Förslaget är registrerat.">
          <SelectField
            name="proposedAction"
            label="Förslag"
            required
            placeholder="Välj förslag"
            defaultValue={motion.proposal?.action}
            options={MOTION_PROPOSED_ACTIONS.map((action) => ({ value: action, label: MOTION_PROPOSED_ACTION_LABELS[action] }))}
          />
          <Field name="proposedBy" label="Förslagsställare" required maxLength={200} defaultValue={motion.proposal?.by} hint="Till exempel Presidiet eller Kommunstyrelsen." />
          <Field name="proposedTo" label="Remittera till" maxLength={500} defaultValue={motion.proposal?.to} hint="Bara när motionen föreslås remitteras, till exempel ”Stadsbyggnadsnämnden och Miljönämnden”." />
          <DateField name="proposedDate" label="Datum för förslaget" required defaultValue={motion.proposal?.date ?? todayInStockholm()} />
        </ChangeForm>
      ) : null}
    </div>
  );
};
