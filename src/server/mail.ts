// E-mail: the transactional outbox's delivery side. Mails are written as MailMessage rows
// in the transaction that causes them (see features/notifications); after commit a job
// ("send-mail", see jobs.ts) calls `deliverMail`, and a periodic sweep re-enqueues what a
// crash left behind.
//
// Exactly-once as far as it can be had over SMTP:
// - QUEUED → SENDING is a conditional write; only one worker wins a mail.
// - A SENT (or OUTBOX/FAILED) row is never sent again, however often its job runs.
// - The Message-ID is deterministic (<mailId@yttra>), so the one case that can duplicate —
//   the worker dies after the SMTP server accepted the message but before SENT is committed
//   (a window of one database round trip) — gives the receiving side two copies with the
//   same Message-ID, which mail systems de-duplicate. A SENDING row whose lease has run out
//   (MAIL_SENDING_LEASE_SECONDS) is taken to be such a crash and is tried again.
// - Without SMTP_HOST the mail is kept as OUTBOX for administrators to read (/admin/utkorg).
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/server/db";
import { env, ZMailEnvSchema, type TMailEnv } from "@/server/env";
import { logger } from "@/server/logger";

export { ZMailEnvSchema, type TMailEnv };

/** The mail settings of this process (validated with the rest in env.ts). */
export const mailEnv = (): TMailEnv => env;

export const messageIdFor = (mailId: string): string => `<${mailId}@yttra>`;

let cachedTransport: { key: string; transport: Transporter } | undefined;

const transportFor = (config: TMailEnv): Transporter | null => {
  if (!config.SMTP_HOST) return null;
  const key = `${config.SMTP_HOST}:${config.SMTP_PORT}:${config.SMTP_SECURE}:${config.SMTP_USER ?? ""}`;
  if (cachedTransport?.key === key) return cachedTransport.transport;
  const transport = nodemailer.createTransport({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? "" } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  cachedTransport = { key, transport };
  return transport;
};

export type DeliveryResult = "SENT" | "OUTBOX" | "SKIPPED" | "RETRY" | "FAILED";

/**
 * Delivers one outbox row. Safe to call any number of times, concurrently too: only the
 * caller that moves the row to SENDING sends it. Throws after a failed attempt that will
 * be retried, so that the job queue applies its back-off.
 */
export const deliverMail = async (mailId: string, config: TMailEnv = mailEnv()): Promise<DeliveryResult> => {
  const transport = transportFor(config);
  const leaseExpired = new Date(Date.now() - config.MAIL_SENDING_LEASE_SECONDS * 1000);
  const claimable = { id: mailId, OR: [{ status: "QUEUED" as const }, { status: "SENDING" as const, updatedAt: { lt: leaseExpired } }] };

  if (!transport) {
    const kept = await db.mailMessage.updateMany({ where: claimable, data: { status: "OUTBOX" } });
    return kept.count === 1 ? "OUTBOX" : "SKIPPED";
  }

  const claimed = await db.mailMessage.updateMany({ where: claimable, data: { status: "SENDING", attempts: { increment: 1 } } });
  if (claimed.count === 0) return "SKIPPED";
  const mail = await db.mailMessage.findUniqueOrThrow({ where: { id: mailId } });
  try {
    await transport.sendMail({
      from: config.SMTP_FROM,
      to: mail.toAddress,
      subject: mail.subject,
      text: mail.text,
      messageId: messageIdFor(mail.id),
      headers: { "Auto-Submitted": "auto-generated" },
    });
  } catch (error) {
    const failed = mail.attempts >= config.MAIL_MAX_ATTEMPTS;
    await db.mailMessage.updateMany({
      where: { id: mailId, status: "SENDING" },
      data: { status: failed ? "FAILED" : "QUEUED", lastError: error instanceof Error ? error.message.slice(0, 1000) : String(error) },
    });
    logger.warn("mail delivery failed", { mailId, attempt: mail.attempts, final: failed, error: error instanceof Error ? error.message : String(error) });
    if (failed) return "FAILED";
    throw error;
  }
  await db.mailMessage.updateMany({ where: { id: mailId, status: "SENDING" }, data: { status: "SENT", sentAt: new Date(), lastError: null } });
  return "SENT";
};

/** Mails a crash left behind: QUEUED and never picked up, or SENDING past the lease. */
export const findMailsToSweep = async (config: TMailEnv = mailEnv(), limit = 500): Promise<string[]> => {
  const now = Date.now();
  const rows = await db.mailMessage.findMany({
    where: {
      OR: [
        { status: "QUEUED", createdAt: { lte: new Date(now - config.MAIL_SWEEP_QUEUED_AFTER_SECONDS * 1000) } },
        { status: "SENDING", updatedAt: { lt: new Date(now - config.MAIL_SENDING_LEASE_SECONDS * 1000) } },
      ],
    },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true },
  });
  return rows.map((row) => row.id);
};
