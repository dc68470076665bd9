import { CaseNumberCell, CELL, DataTable, ROW } from "@/components/data-table";
import { ToCompleteBadge } from "@/components/to-complete-badge";
import { CASE_STATUS_LABELS } from "../labels";
import type { DiariumRow } from "../server/diarium-list";
import { DueDateCell } from "./due-date";
import { formatDateOnly } from "@/lib/dates";

export const CONFIDENTIAL_TITLE_PLACEHOLDER = "Sekretessmarkerat ärende";

export const DiariumTable = ({ rows, caption }: { rows: DiariumRow[]; caption: string }) => (
  <DataTable caption={caption} columns={["Diarienummer", "Rubrik", "Status", "Inkom", "Remisstid", "Handläggare", "Nämnd"]}>
    {rows.map((row) => (
      <tr key={row.id} className={ROW}>
        <CaseNumberCell caseNumber={row.caseNumber} href={`/arenden/${row.id}`} />
        <td className={CELL}>
          {row.title ?? <em>{CONFIDENTIAL_TITLE_PLACEHOLDER}</em>}
          {row.confidential ? <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-semibold">Sekretess</span> : null}
          {row.toComplete ? <ToCompleteBadge /> : null}
        </td>
        <td className={CELL}>{CASE_STATUS_LABELS[row.status]}</td>
        <td className={`whitespace-nowrap ${CELL}`}>{formatDateOnly(row.receivedDate)}</td>
        <DueDateCell dueDate={row.dueDate} overdue={row.overdue} />
        <td className={CELL}>{row.caseOfficerName}</td>
        <td className={CELL}>
          <abbr title={row.committeeName} className="no-underline">
            {row.committeeShortName}
          </abbr>
        </td>
      </tr>
    ))}
  </DataTable>
);
