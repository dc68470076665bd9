import { CELL } from "@/components/data-table";
import { formatDateOnly } from "@/lib/dates";

/** The remisstid cell: the date, or "–", and "försenad" in words when it has passed. */
export const DueDateCell = ({ dueDate, overdue }: { dueDate: Date | null; overdue: boolean }) => (
  <td className={`whitespace-nowrap ${CELL}`}>
    {formatDateOnly(dueDate) || "–"}
    {overdue ? <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-900">försenad</span> : null}
  </td>
);
