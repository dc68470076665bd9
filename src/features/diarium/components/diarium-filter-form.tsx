import Link from "next/link";
import { CheckboxField, Field, GetForm, SelectField } from "@/components/form";
import type { CaseStatus } from "@/generated/prisma/enums";
import { CASE_STATUS_LABELS } from "../labels";
import { DIARIUM_SORT_LABELS, DIARIUM_SORTS, type TDiariumSearchParams } from "../schemas";
import type { DiariumFilterOptions } from "../server/diarium-list";

/** A GET form: works without JavaScript, and the URL holds the filters (shareable, back button). */
export const DiariumFilterForm = ({ options, values }: { options: DiariumFilterOptions; values: TDiariumSearchParams }) => (
  <GetForm action="/diarium" role="search" ariaLabel="Filtrera diariet" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <Field name="q" label="Sök diarienummer, avsändarens diarienummer eller rubrik" type="search" defaultValue={values.q} maxLength={200} className="sm:col-span-2" />
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
      <SelectField name="sortering" label="Sortering" defaultValue={values.sortering ?? "registrerad-nyast"} options={DIARIUM_SORTS.map((sort) => ({ value: sort, label: DIARIUM_SORT_LABELS[sort] }))} />
    </div>
    <div className="mt-4 flex flex-wrap items-center gap-4">
      <CheckboxField name="forsenade" label="Endast försenade" value="1" defaultChecked={values.forsenade === "1"} />
      <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        Filtrera
      </button>
      <Link href="/diarium" className="font-semibold text-brand-700 underline underline-offset-4">
        Rensa filter
      </Link>
    </div>
  </GetForm>
);
