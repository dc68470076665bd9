import { Link } from "@/components/link";
import { CaseNumberCell, CELL, DataTable, ROW } from "@/components/data-table";
import { WorkSection } from "@/components/work-section";
import { describeDaysLeft } from "@/lib/due-dates";
import { DEADLINE_KIND_LABELS, MOTION_ONE_YEAR_WARNING } from "../labels";
import type { DeadlineRow } from "../server/deadlines";
import { CONFIDENTIAL_TITLE_PLACEHOLDER } from "./diarium-table";
import { formatDateOnly } from "@/lib/dates";

/**
 * `first`: the start page shows only the first rows of a section ("mest försenade", "som förfaller
 * först") and how many there are in all; /bevakning has them all.
 */
type DeadlineTableProps = { id: string; heading: string; rows: DeadlineRow[]; first?: { label: string; total: number }; emptyText: string };

export const DeadlineTable = ({ id, heading, rows, first, emptyText }: DeadlineTableProps) => {
  const total = first?.total ?? rows.length;
  const partial = total > rows.length;
  return (
    <WorkSection id={id} heading={heading} count={total} emptyText={emptyText}>
      {partial ? (
        <p className="mt-2 text-slate-700">
          De {rows.length} {first?.label} av {total} visas. Alla finns under{" "}
          <Link href="/bevakning" className="font-semibold text-brand-700 underline underline-offset-4">
            Bevakning
          </Link>
          .
        </p>
      ) : null}
      <DataTable caption={partial ? `${heading}: ${rows.length} av ${total}` : heading} columns={["Diarienummer", "Rubrik", "Bevakning", "Datum", "Tid kvar", "Handläggare"]}>
        {rows.map((row) => (
          <tr key={row.id} className={`${ROW} ${row.motionWarning ? "bg-amber-50" : ""}`}>
            <CaseNumberCell caseNumber={row.caseNumber} href={`/arenden/${row.caseId}`} />
            <td className={CELL}>
              {row.caseTitle ?? <em>{CONFIDENTIAL_TITLE_PLACEHOLDER}</em>}
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
    </WorkSection>
  );
};
