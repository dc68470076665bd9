import Link from "next/link";
import type { CaseStatus } from "@/generated/prisma/enums";
import { CASE_STATUS_LABELS } from "../labels";
import { DIARIUM_SORT_LABELS, DIARIUM_SORTS, type TDiariumSearchParams } from "../schemas";
import type { DiariumFilterOptions } from "../server/diarium-list";

const inputClass = "mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5";
const labelClass = "block text-sm font-semibold";

/** A GET form: works without JavaScript, and the URL holds the filters (shareable, back button). */
export const DiariumFilterForm = ({ options, values }: { options: DiariumFilterOptions; values: TDiariumSearchParams }) => (
  <form method="get" action="/diarium" role="search" aria-label="Filtrera diariet" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <div className="sm:col-span-2">
        <label htmlFor="filter-q" className={labelClass}>
          Sök diarienummer eller rubrik
        </label>
        <input id="filter-q" name="q" type="search" defaultValue={values.q ?? ""} maxLength={200} className={inputClass} />
      </div>
      <div>
        <label htmlFor="filter-namnd" className={labelClass}>
          Nämnd
        </label>
        <select id="filter-namnd" name="namnd" defaultValue={values.namnd ?? ""} className={inputClass}>
          <option value="">Alla nämnder</option>
          {options.committees.map((committee) => (
            <option key={committee.id} value={committee.id}>
              {committee.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-ar" className={labelClass}>
          År
        </label>
        <input id="filter-ar" name="ar" type="number" inputMode="numeric" min={1900} max={2200} defaultValue={values.ar ?? ""} className={inputClass} />
      </div>
      <div>
        <label htmlFor="filter-status" className={labelClass}>
          Status
        </label>
        <select id="filter-status" name="status" defaultValue={values.status ?? ""} className={inputClass}>
          <option value="">Alla</option>
          {(Object.keys(CASE_STATUS_LABELS) as CaseStatus[]).map((status) => (
            <option key={status} value={status}>
              {CASE_STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-handlaggare" className={labelClass}>
          Handläggare
        </label>
        <select id="filter-handlaggare" name="handlaggare" defaultValue={values.handlaggare ?? ""} className={inputClass}>
          <option value="">Alla</option>
          {options.caseOfficers.map((officer) => (
            <option key={officer.id} value={officer.id}>
              {officer.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-klass" className={labelClass}>
          Klass (KLASSA)
        </label>
        <select id="filter-klass" name="klass" defaultValue={values.klass ?? ""} className={inputClass}>
          <option value="">Alla</option>
          {options.classifications.map((classification) => (
            <option key={classification.id} value={classification.id}>
              {classification.code} {classification.title}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-sortering" className={labelClass}>
          Sortering
        </label>
        <select id="filter-sortering" name="sortering" defaultValue={values.sortering ?? "registrerad-nyast"} className={inputClass}>
          {DIARIUM_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {DIARIUM_SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </div>
    </div>
    <div className="mt-4 flex flex-wrap items-center gap-4">
      <div className="flex items-center gap-2">
        <input id="filter-forsenade" name="forsenade" type="checkbox" value="1" defaultChecked={values.forsenade === "1"} className="h-4 w-4" />
        <label htmlFor="filter-forsenade" className="font-semibold">
          Endast försenade
        </label>
      </div>
      <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        Filtrera
      </button>
      <Link href="/diarium" className="font-semibold text-brand-700 underline underline-offset-4">
        Rensa filter
      </Link>
    </div>
  </form>
);
