import Link from "next/link";
import { formatDateOnly } from "../dates";
import type { MyCaseRow } from "../server/my-cases";

export const MyCasesTable = ({ rows }: { rows: MyCaseRow[] }) => (
  <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
    <table className="w-full border-collapse text-left text-sm">
      <caption className="sr-only">Öppna ärenden där du är handläggare, närmast remisstid först</caption>
      <thead className="bg-slate-100">
        <tr>
          <th scope="col" className="px-3 py-2">
            Diarienummer
          </th>
          <th scope="col" className="px-3 py-2">
            Rubrik
          </th>
          <th scope="col" className="px-3 py-2">
            Inkom
          </th>
          <th scope="col" className="px-3 py-2">
            Remisstid
          </th>
          <th scope="col" className="px-3 py-2">
            Nämnd
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="border-t border-slate-200 align-top">
            <th scope="row" className="whitespace-nowrap px-3 py-2 font-semibold">
              <Link href={`/arenden/${row.id}`} className="text-brand-700 underline underline-offset-4">
                {row.caseNumber}
              </Link>
            </th>
            <td className="px-3 py-2">{row.title}</td>
            <td className="whitespace-nowrap px-3 py-2">{formatDateOnly(row.receivedDate)}</td>
            <td className="whitespace-nowrap px-3 py-2">
              {formatDateOnly(row.dueDate) || "–"}
              {row.overdue ? <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-900">försenad</span> : null}
            </td>
            <td className="px-3 py-2">{row.committeeShortName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);
