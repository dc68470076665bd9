import { Link } from "@/components/link";
import { CELL, DataTable, ROW } from "@/components/data-table";
import { formatDate } from "@/lib/dates";
import { meetingTime } from "../dates";
import type { JusteringInboxItem } from "../server/work-queues";

export const JusteringInboxTable = ({ items }: { items: JusteringInboxItem[] }) => (
  <DataTable caption="Protokoll som väntar på din justering" columns={["Protokoll", "Sammanträde", "Skickat av", "Skickat"]} testId="justering-inbox">
    {items.map((item) => (
      <tr key={item.stepId} className={ROW}>
        <th scope="row" className={CELL}>
          <Link href={`/sammantraden/${item.meetingId}/protokoll`} className="font-semibold text-brand-700 underline underline-offset-4">
            Protokoll {item.committeeName}
          </Link>
        </th>
        <td className={`whitespace-nowrap ${CELL}`}>
          {formatDate(item.meetingStartsAt)} kl. {meetingTime(item.meetingStartsAt)}
        </td>
        <td className={CELL}>{item.sentByName}</td>
        <td className={`whitespace-nowrap ${CELL}`}>{formatDate(item.sentAt)}</td>
      </tr>
    ))}
  </DataTable>
);
