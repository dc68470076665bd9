import { CELL, DataTable, ROW } from "@/components/data-table";
import type { CaseHistoryEntry } from "../server/case-history";
import { formatDateTime } from "@/lib/dates";

export const CaseHistoryTable = ({ entries, caseNumber }: { entries: CaseHistoryEntry[]; caseNumber: string }) =>
  entries.length === 0 ? (
    <p className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center" role="status">
      Inga händelser ännu.
    </p>
  ) : (
    <DataTable caption={`Händelser i ärende ${caseNumber}, äldst först`} captionVisible columns={["Tidpunkt", "Vem", "Händelse"]}>
      {entries.map((entry) => (
        <tr key={entry.seq.toString()} className={ROW} data-testid="case-event">
          <td className={`whitespace-nowrap ${CELL}`}>{formatDateTime(entry.at)}</td>
          <td className={CELL}>{entry.actorName ?? "Systemet"}</td>
          <td className={CELL}>{entry.text}</td>
        </tr>
      ))}
    </DataTable>
  );
