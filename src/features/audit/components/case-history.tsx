import { formatDateTime } from "@/features/cases/dates";
import type { CaseHistoryEntry } from "../server/case-history";

export const CaseHistoryTable = ({ entries, caseNumber }: { entries: CaseHistoryEntry[]; caseNumber: string }) =>
  entries.length === 0 ? (
    <p className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center" role="status">
      Inga händelser ännu.
    </p>
  ) : (
    <table className="mt-6 w-full border-collapse bg-white text-left">
      <caption className="mb-2 text-left font-semibold">Händelser i ärende {caseNumber}, äldst först</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="px-2 py-2">Tidpunkt</th>
          <th scope="col" className="px-2 py-2">Vem</th>
          <th scope="col" className="px-2 py-2">Händelse</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.seq.toString()} className="border-b border-slate-200 align-top" data-testid="case-event">
            <td className="px-2 py-2 whitespace-nowrap">{formatDateTime(entry.at)}</td>
            <td className="px-2 py-2">{entry.actorName ?? "Systemet"}</td>
            <td className="px-2 py-2">{entry.text}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
