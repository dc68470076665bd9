import { CaseNumberCell, CELL, DataTable, ROW } from "@/components/data-table";
import type { MyCaseRow } from "../server/my-cases";
import { DueDateCell } from "./due-date";
import { formatDateOnly } from "@/lib/dates";

export const MyCasesTable = ({ rows }: { rows: MyCaseRow[] }) => (
  <DataTable caption="Öppna ärenden där du är handläggare, närmast remisstid först" columns={["Diarienummer", "Rubrik", "Inkom", "Remisstid", "Nämnd"]}>
    {rows.map((row) => (
      <tr key={row.id} className={ROW}>
        <CaseNumberCell caseNumber={row.caseNumber} href={`/arenden/${row.id}`} />
        <td className={CELL}>{row.title}</td>
        <td className={`whitespace-nowrap ${CELL}`}>{formatDateOnly(row.receivedDate)}</td>
        <DueDateCell dueDate={row.dueDate} overdue={row.overdue} />
        <td className={CELL}>{row.committeeShortName}</td>
      </tr>
    ))}
  </DataTable>
);
