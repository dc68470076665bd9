import type { MailStatus } from "@/generated/prisma/enums";
import { formatDateTime } from "@/features/cases/dates";

const STATUS_LABELS: Record<MailStatus, string> = { QUEUED: "I kö", SENDING: "Skickas", SENT: "Skickat", OUTBOX: "I utkorgen", FAILED: "Misslyckades" };

type Mail = { id: string; toAddress: string; subject: string; text: string; status: MailStatus; attempts: number; lastError: string | null; sentAt: Date | null; createdAt: Date };

export const OutboxTable = ({ mails }: { mails: Mail[] }) =>
  mails.length === 0 ? (
    <p className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center" role="status">
      Inga e-postmeddelanden.
    </p>
  ) : (
    <table className="mt-6 w-full border-collapse bg-white text-left text-sm">
      <caption className="mb-2 text-left font-semibold">E-postmeddelanden, nyast först</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="px-2 py-2">Skapat</th>
          <th scope="col" className="px-2 py-2">Till</th>
          <th scope="col" className="px-2 py-2">Ämne och text</th>
          <th scope="col" className="px-2 py-2">Status</th>
        </tr>
      </thead>
      <tbody>
        {mails.map((mail) => (
          <tr key={mail.id} className="border-b border-slate-200 align-top">
            <td className="px-2 py-2 whitespace-nowrap">{formatDateTime(mail.createdAt)}</td>
            <td className="px-2 py-2">{mail.toAddress}</td>
            <td className="px-2 py-2">
              <details>
                <summary className="cursor-pointer font-semibold">{mail.subject}</summary>
                <pre className="mt-2 whitespace-pre-wrap font-sans">{mail.text}</pre>
              </details>
            </td>
            <td className="px-2 py-2">
              {STATUS_LABELS[mail.status]}
              {mail.sentAt ? <span className="block text-slate-600">{formatDateTime(mail.sentAt)}</span> : null}
              {mail.lastError ? <span className="block text-red-800">Fel: {mail.lastError} (försök {mail.attempts})</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
