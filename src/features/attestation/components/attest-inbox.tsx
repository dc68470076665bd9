import Link from "next/link";
import type { InboxItem } from "../server/attestation-queries";
import { formatDate } from "./labels";

export const AttestInboxTable = ({ items }: { items: InboxItem[] }) => (
  <table className="mt-6 w-full border-collapse bg-white text-left">
    <caption className="mb-2 text-left font-semibold">Tjänsteutlåtanden som väntar på din attestering</caption>
    <thead>
      <tr className="border-b border-slate-300">
        <th scope="col" className="px-2 py-2">Diarienummer</th>
        <th scope="col" className="px-2 py-2">Ärende</th>
        <th scope="col" className="px-2 py-2">Skickat av</th>
        <th scope="col" className="px-2 py-2">Skickat</th>
        <th scope="col" className="px-2 py-2">Status</th>
      </tr>
    </thead>
    <tbody>
      {items.map((item) => (
        <tr key={item.stepId} className="border-b border-slate-200">
          <td className="px-2 py-2 whitespace-nowrap">{item.caseNumber}</td>
          <td className="px-2 py-2">
            <Link href={`/arenden/${item.caseId}/attestering`} className="font-semibold underline">
              {item.caseTitle}
            </Link>
          </td>
          <td className="px-2 py-2">{item.requestedByName}</td>
          <td className="px-2 py-2 whitespace-nowrap">{formatDate(item.sentAt)}</td>
          <td className="px-2 py-2">{item.inTurn ? "Din tur" : `Väntar på tidigare attestant (steg ${item.position} av ${item.stepCount})`}</td>
        </tr>
      ))}
    </tbody>
  </table>
);
