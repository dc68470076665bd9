import { CELL, DataTable, ROW } from "@/components/data-table";
import type { MailStatus } from "@/generated/prisma/enums";
import { formatDateTime } from "@/lib/dates";

const STATUS_LABELS: Record<MailStatus, string> = { QUEUED: "I kö", SENDING: "Skickas", SENT: "Skickat", OUTBOX: "I utkorgen", FAILED: "Misslyckades" };

type Mail = { id: string; toAddress: string; subject: string; text: string; status: MailStatus; attempts: number; lastError: string | null; sentAt: Date | null; createdAt: Date };

export const OutboxTable = ({ mails }: { mails: Mail[] }) =>
  mails.length === 0 ? (
    <p className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center" role="status">
      Inga e-postmeddelanden.
    </p>
  ) : (
    <DataTable caption="E-postmeddelanden, nyast först" captionVisible columns={["Skapat", "Till", "Ämne och text", "Status"]}>
      {mails.map((mail) => (
        <tr key={mail.id} className={ROW}>
          <td className={`whitespace-nowrap ${CELL}`}>{formatDateTime(mail.createdAt)}</td>
          <td className={CELL}>{mail.toAddress}</td>
          <td className={CELL}>
            <details>
              <summary className="cursor-pointer font-semibold">{mail.subject}</summary>
              <pre className="mt-2 whitespace-pre-wrap font-sans">{mail.text}</pre>
            </details>
          </td>
          <td className={CELL}>
            {STATUS_LABELS[mail.status]}
            {mail.sentAt ? <span className="block text-slate-600">{formatDateTime(mail.sentAt)}</span> : null}
            {mail.lastError ? <span className="block text-red-800">Fel: {mail.lastError} (försök {mail.attempts})</span> : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
