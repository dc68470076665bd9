// In-app notifications and their e-mails, written inside the caller's transaction (the
// transactional outbox): a rolled-back change notifies nobody, a committed one always
// has its MailMessage rows. The caller enqueues delivery after commit with
// `enqueueMailDelivery(mailIds)`; if that never happens, the worker's sweep does.
import "server-only";
import type { Tx } from "@/server/db";
import { appBaseUrl } from "@/server/env";

export type NotifyOptions = {
  /** The municipality of the case the notice is about: whose administrators see its mails in the outbox. */
  municipalityId: string;
  /** Users to notify; duplicates and the acting user (`except`) are dropped. */
  userIds: readonly string[];
  except?: string | null;
  /** Machine-readable kind, e.g. "attestation.requested". */
  kind: string;
  title: string;
  body: string;
  /** Path inside the app. */
  link: string | null;
};

/** Creates the notifications and the mails; returns the MailMessage ids to enqueue after commit. */
export const notifyInTx = async (tx: Tx, options: NotifyOptions): Promise<string[]> => {
  const userIds = [...new Set(options.userIds)].filter((id) => id !== options.except);
  if (userIds.length === 0) return [];
  const users = await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true, name: true, disabledAt: true } });
  await tx.notification.createMany({
    data: users.map((user) => ({ userId: user.id, kind: options.kind, title: options.title, body: options.body, link: options.link })),
  });
  const mailIds: string[] = [];
  for (const user of users) {
    if (!user.email || user.disabledAt) continue;
    const link = options.link ? `\n\nÖppna i Yttra: ${appBaseUrl()}${options.link}` : "";
    const mail = await tx.mailMessage.create({
      data: {
        municipalityId: options.municipalityId,
        toAddress: user.email,
        subject: `Yttra: ${options.title}`,
        text: `Hej ${user.name},\n\n${options.body}${link}\n\nDet här meddelandet skickades automatiskt från Yttra.`,
      },
      select: { id: true },
    });
    mailIds.push(mail.id);
  }
  return mailIds;
};
