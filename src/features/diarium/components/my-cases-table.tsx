import { CaseNumberCell, CELL, DataTable, ROW } from "@/components/data-table";
import { ToCompleteBadge } from "@/components/to-complete-badge";
import type { MyCaseRow } from "../server/my-cases";
import { DueDateCell } from "./due-date";
import { formatDateOnly } from "@/lib/dates";

export const MyCasesTable = ({ rows }: { rows: MyCaseRow[] }) => (
  <DataTable caption="Öppna ärenden där du är handläggare eller medhandläggare, närmast remisstid först" columns={["Diarienummer", "Rubrik", "Inkom", "Remisstid", "Nämnd"]}>
    {rows.map((row) => (
      <tr key={row.id} className={ROW}>
        <CaseNumberCell caseNumber={row.caseNumber} href={`/arenden/${row.id}`} />
        <td className={CELL}>
          {row.title}
          {row.coOfficer ? <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-semibold">Medhandläggare</span> : null}
          {row.toComplete ? <ToCompleteBadge /> : null}
        </td>
        <td className={`whitespace-nowrap ${CELL}`}>{formatDateOnly(row.receivedDate)}</td>
        <DueDateCell dueDate={row.dueDate} overdue={row.overdue} />
        <td className={CELL}>{row.committeeShortName}</td>
      </tr>
    ))}
  </DataTable>
);
