"use client";

import { useState } from "react";
import { ActionForm, DateField, Field, FieldFrame, FieldGroup, Hidden, inputClass, useFormValues } from "@/components/form";
import { fieldErrorsOf } from "@/lib/field-errors";
import { registerCaseAction } from "../actions";
import { CASE_KIND_LABELS } from "../labels";
import { CASE_KINDS, MOTION_KINDS, motionCommitteeMessage, REFERRAL_KINDS, registerCaseFromFormData, ZRegisterCaseSchema } from "../schemas";
import type { RegistrationOptions } from "../server/case-queries";
import { MotionPartiesFields, motionPartyLabel, motionRowCount } from "./motion-parties-fields";

const LABELS: Record<string, string> = {
  idempotencyKey: "Formuläret",
  title: "Rubrik",
  kind: "Typ av ärende",
  committeeId: "Nämnd",
  departmentId: "Avdelning",
  caseOfficerId: "Handläggare",
  classificationId: "Klassificering (KLASSA)",
  referringBody: "Remittent/avsändare",
  referringCaseNumber: "Remittentens diarienummer",
  receivedDate: "Inkom",
  dueDate: "Remisstid",
  motion: "Motion",
  "motion.number": "Motionens nummer",
  "motion.title": "Motionens rubrik",
  "motion.raisedDate": "Motionen väcktes",
  "motion.authors": "Motionärer",
  "motion.proposals": "Att-satser",
  "confidentiality.reference": "Sekretessbestämmelse",
  "confidentiality.reason": "Skäl för sekretess",
  "incomingDocument.description": "Handlingens beskrivning",
  "incomingDocument.counterpart": "Avsändare av handlingen",
  "incomingDocument.documentDate": "Handlingens datum",
  existingCaseNumber: "Befintligt diarienummer",
  existingNumberReason: "Skäl för befintligt diarienummer",
};

/** The error summary's name of a field, the motion's repeated fields by their position. */
const labelFor = (name: string): string => {
  if (LABELS[name]) return LABELS[name];
  return motionPartyLabel(name) ?? (name === "_form" ? "Formuläret" : name);
};

// The same checks as the server: most mistakes are shown without a round trip.
const validatorFor =
  (committees: RegistrationOptions["committees"]) =>
  (form: FormData): Record<string, string[]> | null => {
    const errors = fieldErrorsOf(ZRegisterCaseSchema, registerCaseFromFormData(form));
    const committee = committees.find((item) => item.id === form.get("committeeId"));
    if (form.get("kind") !== "MOTION" || !committee || committee.registersMotions) return errors;
    return { ...errors, kind: [motionCommitteeMessage(committee.name)] };
  };

type RegisterCaseFormProps = { options: RegistrationOptions; idempotencyKey: string; actorId: string };

export const RegisterCaseForm = ({ options, idempotencyKey, actorId }: RegisterCaseFormProps) => {
  if (options.committees.length === 0) {
    return (
      <p className="rounded border border-slate-300 bg-white p-4">
        Du har ingen roll som ger rätt att registrera ärenden. Kontakta registraturen.
      </p>
    );
  }
  return (
    <ActionForm
      action={registerCaseAction}
      submitLabel="Registrera ärendet"
      pendingLabel="Registrerar …"
      labels={labelFor}
      validate={validatorFor(options.committees)}
      className="space-y-8"
      footer={<p className="text-sm text-slate-600">Diarienumret tilldelas när ärendet registreras, om inget befintligt nummer anges.</p>}
    >
      <Hidden name="idempotencyKey" value={idempotencyKey} />
      <RegisterCaseFields options={options} actorId={actorId} />
    </ActionForm>
  );
};

const RegisterCaseFields = ({ options, actorId }: { options: RegistrationOptions; actorId: string }) => {
  const values = useFormValues();
  const value = (name: string, fallback = ""): string => values?.[name] ?? fallback;
  const firstCommittee = options.committees.length === 1 ? options.committees[0]!.id : "";
  const [kind, setKind] = useState(value("kind", "MOTION_REFERRAL"));
  const [committeeId, setCommitteeId] = useState(value("committeeId", firstCommittee));
  const committee = options.committees.find((candidate) => candidate.id === committeeId);
  // Without a chosen committee (or without JavaScript) the field shows when any committee allows it.
  const existingNumberFormat = committee ? committee.existingNumberFormat : (options.committees.find((item) => item.existingNumberFormat)?.existingNumberFormat ?? null);
  const defaultDepartment =
    committee?.departments.find((department) => department.caseOfficers.some((officer) => officer.id === actorId))?.id ??
    (committee?.departments.length === 1 ? committee.departments[0]!.id : "");
  const [departmentId, setDepartmentId] = useState(value("departmentId", defaultDepartment));
  const department = committee?.departments.find((candidate) => candidate.id === departmentId);
  const [authors, setAuthors] = useState(motionRowCount(values, "motion.authors"));
  const [proposals, setProposals] = useState(motionRowCount(values, "motion.proposals"));
  const confidential = value("confidential", "no") === "yes";
  const registerDocument = values ? values.registerDocument === "on" : true;
  const referral = REFERRAL_KINDS.has(kind);
  const defaultOfficer = department?.caseOfficers.some((officer) => officer.id === actorId) ? actorId : "";

  return (
    <>
      <fieldset className="space-y-4 rounded border border-slate-300 bg-white p-4">
        <legend className="px-1 text-lg font-semibold">Ärendet</legend>
        <Field name="title" label="Rubrik" required hint="Som i diariet, till exempel ”Stoppa de öppna drogscenerna – motion från (M)”." maxLength={300} />
        <FieldFrame name="kind" label="Typ av ärende" required hint="Motion: väckt i kommunfullmäktige, registreras hos fullmäktige eller kommunstyrelsen. En nämnd som får en motion på remiss registrerar Remiss av motion.">
          {(control) => (
            <select {...control} value={kind} onChange={(event) => setKind(event.target.value)} className={inputClass}>
              {CASE_KINDS.map((item) => (
                <option key={item} value={item}>
                  {CASE_KIND_LABELS[item]}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
        <div className="grid gap-4 md:grid-cols-2">
          <Field name="referringBody" label={referral ? "Remittent" : "Avsändare"} required={referral} hint="Till exempel Kommunstyrelsen." maxLength={200} />
          <Field name="referringCaseNumber" label="Avsändarens diarienummer" hint="Till exempel ”KS 2024/123” eller ”Dnr 1.5.1-123/2024”." maxLength={60} />
          <DateField name="receivedDate" label="Inkom" required hint="Datum då ärendet kom in. Avgör årtalet i diarienumret." defaultValue={options.today} />
          <DateField name="dueDate" label="Remisstid" required={referral} hint="Sista dag för svaret." />
        </div>
      </fieldset>

      <fieldset className="space-y-4 rounded border border-slate-300 bg-white p-4">
        <legend className="px-1 text-lg font-semibold">Ansvar och klassificering</legend>
        <div className="grid gap-4 md:grid-cols-2">
          <FieldFrame name="committeeId" label="Nämnd" required>
            {(control) => (
              <select
                {...control}
                value={committeeId}
                onChange={(event) => {
                  setCommitteeId(event.target.value);
                  setDepartmentId("");
                }}
                className={inputClass}
              >
                <option value="">Välj nämnd</option>
                {options.committees.map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.name}
                    {item.hasSeries ? "" : " (saknar diarieserie)"}
                  </option>
                ))}
              </select>
            )}
          </FieldFrame>
          <FieldFrame name="departmentId" label="Avdelning" required>
            {(control) => (
              <select {...control} value={departmentId} onChange={(event) => setDepartmentId(event.target.value)} className={inputClass}>
                <option value="">Välj avdelning</option>
                {/* Without a chosen committee (or without JavaScript) all allowed departments are listed by committee. */}
                {options.committees
                  .filter((item) => !committee || item.id === committee.id)
                  .map((item) => (
                    <optgroup key={item.id} label={item.name}>
                      {item.departments.map((candidate) => (
                        <option key={candidate.id} value={candidate.id}>
                          {candidate.name}
                        </option>
                      ))}
                    </optgroup>
                  ))}
              </select>
            )}
          </FieldFrame>
          <FieldFrame name="caseOfficerId" label="Handläggare" required hint="Handläggare på den valda avdelningen.">
            {(control) => (
              <select
                key={departmentId}
                {...control}
                defaultValue={value("caseOfficerId", defaultOfficer)}
                className={inputClass}
              >
                <option value="">Välj handläggare</option>
                {options.committees
                  .filter((item) => !committee || item.id === committee.id)
                  .flatMap((item) => item.departments.map((candidate) => ({ committee: item, department: candidate })))
                  .filter((item) => !department || item.department.id === department.id)
                  .map((item) => (
                    <optgroup key={item.department.id} label={`${item.department.name} (${item.committee.shortName})`}>
                      {item.department.caseOfficers.map((officer) => (
                        <option key={officer.id} value={officer.id}>
                          {officer.name}
                        </option>
                      ))}
                    </optgroup>
                  ))}
              </select>
            )}
          </FieldFrame>
          <FieldFrame name="classificationId" label="Klassificering (KLASSA)">
            {(control) => (
              <select {...control} defaultValue={value("classificationId")} className={inputClass}>
                <option value="">Ingen klassificering</option>
                {options.classifications.map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.code} {item.title}
                  </option>
                ))}
              </select>
            )}
          </FieldFrame>
        </div>
      </fieldset>
      {existingNumberFormat ? (
        <fieldset className="space-y-4 rounded border border-slate-300 bg-white p-4">
          <legend className="px-1 text-lg font-semibold">Befintligt diarienummer</legend>
          <p className="text-sm text-slate-700">
            Endast för ärenden som redan har ett nummer, till exempel vid migrering från ett tidigare diarium. Lämna tomt så får ärendet nästa nummer i serien.
          </p>
          <div className="grid gap-4 md:grid-cols-2">
            <Field name="existingCaseNumber" label="Befintligt diarienummer" hint={`Enligt seriens format ${existingNumberFormat}. År och löpnummer läses ur numret.`} maxLength={60} />
            <Field name="existingNumberReason" label="Skäl för befintligt nummer" hint="Till exempel ”Migrerat från tidigare diarium”. Krävs med befintligt nummer." maxLength={500} />
          </div>
        </fieldset>
      ) : null}

      {MOTION_KINDS.has(kind) ? (
        <FieldGroup name="motion" legend="Motionen" className="space-y-4 rounded border border-slate-300 bg-white p-4" legendClassName="px-1 text-lg font-semibold">
          <div className="grid gap-4 md:grid-cols-3">
            <Field name="motion.number" label="Nummer" hint="Till exempel 2024:12." maxLength={12} />
            <div className="md:col-span-2">
              <DateField name="motion.raisedDate" label="Väckt i kommunfullmäktige" required hint="Motionen ska besvaras inom ett år från detta datum (KL 5 kap. 35 §)." />
            </div>
          </div>
          <Field name="motion.title" label="Motionens rubrik" required hint="Till exempel ”Motion (2024:12) av Andréa Hedin (M) om att stoppa de öppna drogscenerna”." maxLength={500} />

          <MotionPartiesFields authors={authors} setAuthors={setAuthors} proposals={proposals} setProposals={setProposals} />
        </FieldGroup>
      ) : null}

      {/* Dependent fields are shown with CSS (:has), so they work without JavaScript too. */}
      <fieldset className="group space-y-4 rounded border border-slate-300 bg-white p-4">
        <legend className="px-1 text-lg font-semibold">Sekretess</legend>
        <div className="space-y-2">
          <label className="flex items-center gap-2">
            <input type="radio" name="confidential" value="no" defaultChecked={!confidential} />
            Offentligt ärende
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" id="confidential-yes" name="confidential" value="yes" defaultChecked={confidential} />
            Sekretessmarkera enligt offentlighets- och sekretesslagen (OSL)
          </label>
        </div>
        <div className="hidden gap-4 group-has-[#confidential-yes:checked]:grid md:grid-cols-2">
            <Field name="confidentiality.reference" label="Sekretessbestämmelse" required hint="Till exempel ”26 kap. 1 § OSL”." maxLength={100} />
            <Field name="confidentiality.reason" label="Skäl" required hint="Du står som beslutsfattare för markeringen, med dagens datum." maxLength={500} rows={2} />
        </div>
      </fieldset>

      <fieldset className="group space-y-4 rounded border border-slate-300 bg-white p-4">
        <legend className="px-1 text-lg font-semibold">Inkommen handling</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" id="register-document" name="registerDocument" defaultChecked={registerDocument} />
          Registrera den inkomna remissen som handling 1
        </label>
        <div className="hidden gap-4 group-has-[#register-document:checked]:grid md:grid-cols-2">
            <div className="md:col-span-2">
              <Field name="incomingDocument.description" label="Beskrivning" required hint="Till exempel ”Remissunderlag Motion Stoppa de öppna drogscenerna”." maxLength={500} />
            </div>
            <Field name="incomingDocument.counterpart" label="Avsändare" hint="Lämnas tomt: remittenten ovan." maxLength={200} />
            <DateField name="incomingDocument.documentDate" label="Handlingens datum" required defaultValue={options.today} />
            <p className="text-sm text-slate-600 md:col-span-2">Filer laddar du upp på ärendesidan när ärendet är registrerat.</p>
        </div>
      </fieldset>
    </>
  );
};
