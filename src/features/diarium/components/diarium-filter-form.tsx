import { Link } from "@/components/link";
import { CheckboxField, Field, GetForm, SelectField } from "@/components/form";
import { DIARIUM_SORT_LABELS, DIARIUM_SORTS, type TDiariumSearchParams } from "../schemas";
import type { DiariumFilterOptions } from "../server/diarium-list";
import { CaseFilterFields } from "./case-filter-fields";

/** A GET form: works without JavaScript, and the URL holds the filters (shareable, back button). */
export const DiariumFilterForm = ({ options, values }: { options: DiariumFilterOptions; values: TDiariumSearchParams }) => (
  <GetForm action="/diarium" role="search" ariaLabel="Filtrera diariet" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <Field name="q" label="Sök diarienummer, avsändarens diarienummer eller rubrik" type="search" defaultValue={values.q} maxLength={200} className="sm:col-span-2" />
      <CaseFilterFields options={options} values={values} />
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
