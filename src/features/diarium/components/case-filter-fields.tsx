import { Field, SelectField } from "@/components/form";
import type { CaseStatus } from "@/generated/prisma/enums";
import { CASE_STATUS_LABELS } from "../labels";
import type { TDiariumSearchParams } from "../schemas";

/** The choices of the case filters: only what the actor may read (diariumFilterOptions). */
export type CaseFilterOptions = {
  committees: { id: string; name: string }[];
  caseOfficers: { id: string; name: string }[];
  classifications: { id: string; code: string; title: string }[];
};

/** Nämnd, år, status, handläggare and klass: the filters of the diarium and of /sok. */
export const CaseFilterFields = ({ options, values }: { options: CaseFilterOptions; values: Pick<TDiariumSearchParams, "namnd" | "ar" | "status" | "handlaggare" | "klass"> }) => (
  <>
    <SelectField name="namnd" label="Nämnd" placeholder="Alla nämnder" defaultValue={values.namnd} options={options.committees.map((committee) => ({ value: committee.id, label: committee.name }))} />
    <Field name="ar" label="År" type="number" inputMode="numeric" min={1900} max={2200} defaultValue={values.ar} />
    <SelectField
      name="status"
      label="Status"
      placeholder="Alla"
      defaultValue={values.status}
      options={(Object.keys(CASE_STATUS_LABELS) as CaseStatus[]).map((status) => ({ value: status, label: CASE_STATUS_LABELS[status] }))}
    />
    <SelectField name="handlaggare" label="Handläggare" placeholder="Alla" defaultValue={values.handlaggare} options={options.caseOfficers.map((officer) => ({ value: officer.id, label: officer.name }))} />
    <SelectField
      name="klass"
      label="Klass (KLASSA)"
      placeholder="Alla"
      defaultValue={values.klass}
      options={options.classifications.map((classification) => ({ value: classification.id, label: `${classification.code} ${classification.title}` }))}
    />
  </>
);
