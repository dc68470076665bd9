import type { ReactNode } from "react";
import { CaseNumberCell, CELL, DataTable, ROW } from "@/components/data-table";
import { WorkSection } from "@/components/work-section";
import { describeDaysLeft } from "@/lib/due-dates";
import { DEADLINE_KIND_LABELS, MOTION_ONE_YEAR_WARNING } from "../labels";
import type { DeadlineRow } from "../server/deadlines";
import { formatDateOnly } from "@/lib/dates";

/**
 * `total`: how many the section has in all when `rows` are only some of them (the start page's
 * first rows, a page of /bevakning); `shown` then says which are shown and where the rest are.
 */
type DeadlineTableProps = { id: string; heading: string; rows: DeadlineRow[]; total?: number; shown?: ReactNode; emptyText: string };

export const DeadlineTable = ({ id, heading, rows, total = rows.length, shown, emptyText }: DeadlineTableProps) => {
  const partial = total > rows.length;
  return (
    <WorkSection id={id} heading={heading} count={total} emptyText={emptyText}>
      {partial && shown ? <p className="mt-2 text-slate-700">{shown}</p> : null}
      {rows.length === 0 ? null : (
        <DataTable caption={partial ? `${heading}: ${rows.length} av ${total}` : heading} columns={["Diarienummer", "Rubrik", "Bevakning", "Datum", "Tid kvar", "Handläggare"]}>
          {rows.map((row) => (
            <tr key={row.id} className={`${ROW} ${row.motionWarning ? "bg-amber-50" : ""}`}>
              <CaseNumberCell caseNumber={row.caseNumber} href={`/arenden/${row.caseId}`} />
              <td className={CELL}>
                {row.caseTitle}
                {row.motionWarning ? <strong className="mt-1 block text-amber-950">⚠ {MOTION_ONE_YEAR_WARNING} (Kommunallagen 5 kap. 35 §).</strong> : null}
              </td>
              <td className={CELL}>{DEADLINE_KIND_LABELS[row.kind]}</td>
              <td className={`whitespace-nowrap ${CELL}`}>{formatDateOnly(row.dueDate)}</td>
              <td className={`whitespace-nowrap ${CELL} ${row.daysLeft < 0 ? "font-semibold text-red-900" : ""}`}>{describeDaysLeft(row.daysLeft)}</td>
              <td className={CELL}>
                {row.caseOfficerName}
                {row.own ? <span className="ml-1 text-slate-700">(du)</span> : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </WorkSection>
  );
};
