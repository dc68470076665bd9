import { Link } from "@/components/link";
import { CELL, DataTable, ROW } from "@/components/data-table";
import type { InboxItem } from "../server/attestation-queries";
import { formatDate } from "@/lib/dates";

export const AttestInboxTable = ({ items }: { items: InboxItem[] }) => (
  <DataTable caption="Tjänsteutlåtanden som väntar på din attestering" captionVisible columns={["Diarienummer", "Ärende", "Skickat av", "Skickat", "Status"]}>
    {items.map((item) => (
      <tr key={item.stepId} className={ROW}>
        <td className={`whitespace-nowrap ${CELL}`}>{item.caseNumber}</td>
        <th scope="row" className={CELL}>
          <Link href={`/arenden/${item.caseId}/attestering`} className="font-semibold text-brand-700 underline underline-offset-4">
            {item.caseTitle}
          </Link>
        </th>
        <td className={CELL}>{item.requestedByName}</td>
        <td className={`whitespace-nowrap ${CELL}`}>{formatDate(item.sentAt)}</td>
        <td className={CELL}>{item.inTurn ? "Din tur" : `Väntar på tidigare attestant (steg ${item.position} av ${item.stepCount})`}</td>
      </tr>
    ))}
  </DataTable>
);
