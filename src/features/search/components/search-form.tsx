import { Link } from "@/components/link";
import { DateField, Field, GetForm, SelectField } from "@/components/form";
import type { CaseKind } from "@/generated/prisma/enums";
import { CASE_KIND_LABELS } from "@/features/cases/labels";
import { CaseFilterFields, type CaseFilterOptions } from "@/features/diarium/components";
import type { TSearchParams } from "../schemas";

/** A GET form: the URL holds the search (shareable, back button), and it works without JavaScript. */
export const SearchForm = ({ options, values }: { options: CaseFilterOptions; values: TSearchParams }) => (
  <GetForm action="/sok" role="search" ariaLabel="Sök i ärenden" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <Field name="q" label="Sökord eller diarienummer" type="search" defaultValue={values.q} maxLength={200} className="sm:col-span-2" hint="Söker i rubriker, motioner, tjänsteutlåtanden, handlingar och bifogade filer." />
      <CaseFilterFields options={options} values={values} />
      <SelectField name="typ" label="Ärendetyp" placeholder="Alla" defaultValue={values.typ} options={(Object.keys(CASE_KIND_LABELS) as CaseKind[]).map((kind) => ({ value: kind, label: CASE_KIND_LABELS[kind] }))} />
      <DateField name="fran" label="Inkom från" defaultValue={values.fran} />
      <DateField name="till" label="Inkom till" defaultValue={values.till} />
    </div>
    <div className="mt-4 flex flex-wrap items-center gap-4">
      <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        Sök
      </button>
      <Link href="/sok" className="font-semibold text-brand-700 underline underline-offset-4">
        Rensa
      </Link>
    </div>
  </GetForm>
);
