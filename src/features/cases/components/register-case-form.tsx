"use client";

import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { registerCaseAction, type RegisterCaseState } from "../actions";
import { CASE_KIND_LABELS } from "../labels";
import { CASE_KINDS, REFERRAL_KINDS, registerCaseFromFormData, ZRegisterCaseSchema } from "../schemas";
import type { RegistrationOptions } from "../server/case-queries";
import { CaseErrorSummary, describedBy, Field, inputClass, type FieldErrors } from "./form-parts";

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
};

const rowCount = (values: Record<string, string> | undefined, prefix: string): number => {
  const indexes = Object.keys(values ?? {})
    .map((key) => new RegExp(`^${prefix.replaceAll(".", "\\.")}\\.(\\d+)`).exec(key)?.[1])
    .filter((index): index is string => index !== undefined)
    .map(Number);
  return indexes.length > 0 ? Math.max(...indexes) + 1 : 1;
};

type RegisterCaseFormProps = { options: RegistrationOptions; idempotencyKey: string; actorId: string };

export const RegisterCaseForm = ({ options, idempotencyKey, actorId }: RegisterCaseFormProps) => {
  const [state, formAction, pending] = useActionState<RegisterCaseState, FormData>(registerCaseAction, null);
  const [clientErrors, setClientErrors] = useState<FieldErrors>(undefined);
  const summaryRef = useRef<HTMLDivElement>(null);
  const serverErrors = state && !state.ok ? state.fieldErrors : undefined;
  const errors = clientErrors ?? serverErrors;
  const message = clientErrors ? "Kontrollera de markerade fälten." : state && !state.ok ? state.error : null;

  useEffect(() => {
    if (message) summaryRef.current?.querySelector<HTMLElement>("#error-summary")?.focus();
  }, [message, state]);

  // The same schema as the server: most mistakes are shown without a round trip.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const parsed = ZRegisterCaseSchema.safeParse(registerCaseFromFormData(new FormData(event.currentTarget)));
    if (parsed.success) {
      setClientErrors(undefined);
      return;
    }
    event.preventDefault();
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.map(String).join(".") || "_form"] ??= []).push(issue.message);
    setClientErrors(fieldErrors);
    summaryRef.current?.querySelector<HTMLElement>("#error-summary")?.focus();
  };

  if (options.committees.length === 0) {
    return (
      <p className="rounded border border-slate-300 bg-white p-4">
        Du har ingen roll som ger rätt att registrera ärenden. Kontakta registraturen.
      </p>
    );
  }

  return (
    <div className="space-y-6">
      <div ref={summaryRef}>
        <CaseErrorSummary message={message} errors={errors} labels={LABELS} />
      </div>
      {/* A new key per failed attempt remounts the fields with the values sent back by the server. */}
      <form key={state?.attempt ?? 0} action={formAction} onSubmit={onSubmit} noValidate className="space-y-8">
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <RegisterCaseFields options={options} actorId={actorId} errors={errors} values={state && !state.ok ? state.values : undefined} />
        <div className="flex items-center gap-4">
          <button
            type="submit"
            disabled={pending}
            aria-disabled={pending}
            className="rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
          >
            {pending ? "Registrerar …" : "Registrera ärendet"}
          </button>
          <p className="text-sm text-slate-600">Diarienumret tilldelas när ärendet registreras.</p>
        </div>
      </form>
    </div>
  );
};

const RegisterCaseFields = ({
  options,
  actorId,
  errors,
  values,
}: {
  options: RegistrationOptions;
  actorId: string;
  errors: FieldErrors;
  values: Record<string, string> | undefined;
}) => {
  const value = (name: string, fallback = ""): string => values?.[name] ?? fallback;
  const firstCommittee = options.committees.length === 1 ? options.committees[0]!.id : "";
  const [kind, setKind] = useState(value("kind", "MOTION_REFERRAL"));
  const [committeeId, setCommitteeId] = useState(value("committeeId", firstCommittee));
  const committee = options.committees.find((candidate) => candidate.id === committeeId);
  const defaultDepartment =
    committee?.departments.find((department) => department.caseOfficers.some((officer) => officer.id === actorId))?.id ??
    (committee?.departments.length === 1 ? committee.departments[0]!.id : "");
  const [departmentId, setDepartmentId] = useState(value("departmentId", defaultDepartment));
  const department = committee?.departments.find((candidate) => candidate.id === departmentId);
  const [authors, setAuthors] = useState(rowCount(values, "motion.authors"));
  const [proposals, setProposals] = useState(rowCount(values, "motion.proposals"));
  const confidential = value("confidential", "no") === "yes";
  const registerDocument = values ? values.registerDocument === "on" : true;
  const referral = REFERRAL_KINDS.has(kind);
  const defaultOfficer = department?.caseOfficers.some((officer) => officer.id === actorId) ? actorId : "";

  return (
    <>
      <fieldset className="space-y-4 rounded border border-slate-300 bg-white p-4">
        <legend className="px-1 text-lg font-semibold">Ärendet</legend>
        <Field name="title" label="Rubrik" required errors={errors} hint="Som i diariet, till exempel ”Stoppa de öppna drogscenerna – motion från (M)”.">
          <input {...describedBy("title", errors, true)} defaultValue={value("title")} maxLength={300} className={inputClass} />
        </Field>
        <Field name="kind" label="Typ av ärende" required errors={errors}>
          <select {...describedBy("kind", errors)} value={kind} onChange={(event) => setKind(event.target.value)} className={inputClass}>
            {CASE_KINDS.map((item) => (
              <option key={item} value={item}>
                {CASE_KIND_LABELS[item]}
              </option>
            ))}
          </select>
        </Field>
        <div className="grid gap-4 md:grid-cols-2">
          <Field name="referringBody" label={referral ? "Remittent" : "Avsändare"} required={referral} errors={errors} hint="Till exempel Kommunstyrelsen.">
            <input {...describedBy("referringBody", errors, true)} defaultValue={value("referringBody")} maxLength={200} className={inputClass} />
          </Field>
          <Field name="referringCaseNumber" label="Avsändarens diarienummer" errors={errors} hint="Till exempel ”KS 2024/123” eller ”Dnr 1.5.1-123/2024”.">
            <input {...describedBy("referringCaseNumber", errors, true)} defaultValue={value("referringCaseNumber")} maxLength={60} className={inputClass} />
          </Field>
          <Field name="receivedDate" label="Inkom" required errors={errors} hint="Datum då ärendet kom in (ÅÅÅÅ-MM-DD). Avgör årtalet i diarienumret.">
            <input
              {...describedBy("receivedDate", errors, true)}
              type="date"
              max={options.today}
              defaultValue={value("receivedDate", options.today)}
              className={inputClass}
            />
          </Field>
          <Field name="dueDate" label="Remisstid" required={referral} errors={errors} hint="Sista dag för svaret.">
            <input {...describedBy("dueDate", errors, true)} type="date" defaultValue={value("dueDate")} className={inputClass} />
          </Field>
        </div>
      </fieldset>

      <fieldset className="space-y-4 rounded border border-slate-300 bg-white p-4">
        <legend className="px-1 text-lg font-semibold">Ansvar och klassificering</legend>
        <div className="grid gap-4 md:grid-cols-2">
          <Field name="committeeId" label="Nämnd" required errors={errors}>
            <select
              {...describedBy("committeeId", errors)}
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
          </Field>
          <Field name="departmentId" label="Avdelning" required errors={errors}>
            <select {...describedBy("departmentId", errors)} value={departmentId} onChange={(event) => setDepartmentId(event.target.value)} className={inputClass}>
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
          </Field>
          <Field name="caseOfficerId" label="Handläggare" required errors={errors} hint="Handläggare på den valda avdelningen.">
            <select
              key={departmentId}
              {...describedBy("caseOfficerId", errors, true)}
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
          </Field>
          <Field name="classificationId" label="Klassificering (KLASSA)" errors={errors}>
            <select {...describedBy("classificationId", errors)} defaultValue={value("classificationId")} className={inputClass}>
              <option value="">Ingen klassificering</option>
              {options.classifications.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.code} {item.title}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </fieldset>

      {kind === "MOTION_REFERRAL" ? (
        <fieldset className="space-y-4 rounded border border-slate-300 bg-white p-4" aria-describedby={errors?.motion ? "f-motion-error" : undefined}>
          <legend className="px-1 text-lg font-semibold">Motionen</legend>
          {errors?.motion ? (
            <p id="f-motion-error" className="text-sm font-medium text-red-700">
              Fel: {errors.motion[0]}
            </p>
          ) : null}
          <div className="grid gap-4 md:grid-cols-3">
            <Field name="motion.number" label="Nummer" errors={errors} hint="Till exempel 2024:12.">
              <input {...describedBy("motion.number", errors, true)} defaultValue={value("motion.number")} maxLength={12} className={inputClass} />
            </Field>
            <div className="md:col-span-2">
              <Field name="motion.raisedDate" label="Väckt i kommunfullmäktige" required errors={errors}>
                <input {...describedBy("motion.raisedDate", errors)} type="date" defaultValue={value("motion.raisedDate")} className={inputClass} />
              </Field>
            </div>
          </div>
          <Field name="motion.title" label="Motionens rubrik" required errors={errors} hint="Till exempel ”Motion (2024:12) av Andréa Hedin (M) om att stoppa de öppna drogscenerna”.">
            <input {...describedBy("motion.title", errors, true)} defaultValue={value("motion.title")} maxLength={500} className={inputClass} />
          </Field>

          <fieldset className="space-y-3" aria-describedby={errors?.["motion.authors"] ? "f-motion-authors-error" : undefined}>
            <legend className="font-semibold">Motionärer</legend>
            {errors?.["motion.authors"] ? (
              <p id="f-motion-authors-error" className="text-sm font-medium text-red-700">
                Fel: {errors["motion.authors"][0]}
              </p>
            ) : null}
            {Array.from({ length: authors }, (_, index) => (
              <div key={index} className="grid gap-3 md:grid-cols-[1fr_10rem]">
                <Field name={`motion.authors.${index}.name`} label={`Motionär ${index + 1}, namn`} errors={errors}>
                  <input {...describedBy(`motion.authors.${index}.name`, errors)} defaultValue={value(`motion.authors.${index}.name`)} maxLength={200} className={inputClass} />
                </Field>
                <Field name={`motion.authors.${index}.party`} label={`Motionär ${index + 1}, parti`} errors={errors}>
                  <input {...describedBy(`motion.authors.${index}.party`, errors)} defaultValue={value(`motion.authors.${index}.party`)} maxLength={10} className={inputClass} />
                </Field>
              </div>
            ))}
            <div className="flex gap-3">
              <button type="button" onClick={() => setAuthors((count) => Math.min(count + 1, 50))} className="rounded border border-brand-700 px-3 py-1 text-brand-800">
                Lägg till motionär
              </button>
              {authors > 1 ? (
                <button type="button" onClick={() => setAuthors((count) => count - 1)} className="rounded border border-slate-400 px-3 py-1">
                  Ta bort sista motionären
                </button>
              ) : null}
            </div>
          </fieldset>

          <fieldset className="space-y-3" aria-describedby={errors?.["motion.proposals"] ? "f-motion-proposals-error" : undefined}>
            <legend className="font-semibold">Att-satser, i motionens ordning</legend>
            {errors?.["motion.proposals"] ? (
              <p id="f-motion-proposals-error" className="text-sm font-medium text-red-700">
                Fel: {errors["motion.proposals"][0]}
              </p>
            ) : null}
            <ol className="space-y-3">
              {Array.from({ length: proposals }, (_, index) => (
                <li key={index}>
                  <Field name={`motion.proposals.${index}`} label={`Att-sats ${index + 1}`} errors={errors}>
                    <textarea
                      {...describedBy(`motion.proposals.${index}`, errors)}
                      defaultValue={value(`motion.proposals.${index}`)}
                      rows={3}
                      maxLength={2000}
                      className={inputClass}
                    />
                  </Field>
                </li>
              ))}
            </ol>
            <div className="flex gap-3">
              <button type="button" onClick={() => setProposals((count) => Math.min(count + 1, 30))} className="rounded border border-brand-700 px-3 py-1 text-brand-800">
                Lägg till att-sats
              </button>
              {proposals > 1 ? (
                <button type="button" onClick={() => setProposals((count) => count - 1)} className="rounded border border-slate-400 px-3 py-1">
                  Ta bort sista att-satsen
                </button>
              ) : null}
            </div>
          </fieldset>
        </fieldset>
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
            <Field name="confidentiality.reference" label="Sekretessbestämmelse" required errors={errors} hint="Till exempel ”26 kap. 1 § OSL”.">
              <input
                {...describedBy("confidentiality.reference", errors, true)}
                defaultValue={value("confidentiality.reference")}
                maxLength={100}
                className={inputClass}
              />
            </Field>
            <Field name="confidentiality.reason" label="Skäl" required errors={errors} hint="Du står som beslutsfattare för markeringen, med dagens datum.">
              <textarea
                {...describedBy("confidentiality.reason", errors, true)}
                defaultValue={value("confidentiality.reason")}
                rows={2}
                maxLength={500}
                className={inputClass}
              />
            </Field>
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
              <Field name="incomingDocument.description" label="Beskrivning" required errors={errors} hint="Till exempel ”Remissunderlag Motion Stoppa de öppna drogscenerna”.">
                <input
                  {...describedBy("incomingDocument.description", errors, true)}
                  defaultValue={value("incomingDocument.description")}
                  maxLength={500}
                  className={inputClass}
                />
              </Field>
            </div>
            <Field name="incomingDocument.counterpart" label="Avsändare" errors={errors} hint="Lämnas tomt: remittenten ovan.">
              <input
                {...describedBy("incomingDocument.counterpart", errors, true)}
                defaultValue={value("incomingDocument.counterpart")}
                maxLength={200}
                className={inputClass}
              />
            </Field>
            <Field name="incomingDocument.documentDate" label="Handlingens datum" required errors={errors}>
              <input
                {...describedBy("incomingDocument.documentDate", errors)}
                type="date"
                defaultValue={value("incomingDocument.documentDate", options.today)}
                className={inputClass}
              />
            </Field>
            <p className="text-sm text-slate-600 md:col-span-2">Filer laddar du upp på ärendesidan när ärendet är registrerat.</p>
        </div>
      </fieldset>
    </>
  );
};
