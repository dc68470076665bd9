import Link from "next/link";
import { describeDaysLeft, formatDateOnly } from "../dates";
import { DEADLINE_KIND_LABELS, MOTION_ONE_YEAR_WARNING } from "../labels";
import type { DeadlineRow } from "../server/deadlines";
import { CONFIDENTIAL_TITLE_PLACEHOLDER } from "./diarium-table";

type DeadlineTableProps = { id: string; heading: string; rows: DeadlineRow[]; emptyText: string };

export const DeadlineTable = ({ id, heading, rows, emptyText }: DeadlineTableProps) => (
  <section aria-labelledby={id} className="mt-8">
    <h2 id={id} className="text-xl font-bold">
      {heading} <span className="font-normal text-slate-700">({rows.length})</span>
    </h2>
    {rows.length === 0 ? (
      <p className="mt-2 text-slate-700">{emptyText}</p>
    ) : (
      <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{heading}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2">
                Diarienummer
              </th>
              <th scope="col" className="px-3 py-2">
                Rubrik
              </th>
              <th scope="col" className="px-3 py-2">
                Bevakning
              </th>
              <th scope="col" className="px-3 py-2">
                Datum
              </th>
              <th scope="col" className="px-3 py-2">
                Tid kvar
              </th>
              <th scope="col" className="px-3 py-2">
                Handläggare
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className={`border-t border-slate-200 align-top ${row.motionWarning ? "bg-amber-50" : ""}`}>
                <th scope="row" className="whitespace-nowrap px-3 py-2 font-semibold">
                  <Link href={`/arenden/${row.caseId}`} className="text-brand-700 underline underline-offset-4">
                    {row.caseNumber}
                  </Link>
                </th>
                <td className="px-3 py-2">
                  {row.caseTitle ?? <em>{CONFIDENTIAL_TITLE_PLACEHOLDER}</em>}
                  {row.motionWarning ? <strong className="mt-1 block text-amber-950">⚠ {MOTION_ONE_YEAR_WARNING} (Kommunallagen 5 kap. 35 §).</strong> : null}
                </td>
                <td className="px-3 py-2">{DEADLINE_KIND_LABELS[row.kind]}</td>
                <td className="whitespace-nowrap px-3 py-2">{formatDateOnly(row.dueDate)}</td>
                <td className={`whitespace-nowrap px-3 py-2 ${row.daysLeft < 0 ? "font-semibold text-red-900" : ""}`}>{describeDaysLeft(row.daysLeft)}</td>
                <td className="px-3 py-2">
                  {row.caseOfficerName}
                  {row.own ? <span className="ml-1 text-slate-700">(du)</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
  </section>
);
