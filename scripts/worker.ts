// The job worker: delivers the e-mail outbox ("send-mail" jobs), stores generated records
// as files of their handlings ("store-record" jobs), extracts uploaded files' text for search ("extract-text" jobs), queues remiss reminders, and sweeps up what a crash left behind. Runs next to the app (scripts/start.ts spawns it) or on its own
// (`tsx scripts/worker.ts` with DATABASE_URL) — any number of workers may run at once:
// every delivery is claimed with a conditional write.
import { createDb, setDb } from "@/server/db";
import { storeGeneratedRecord, findRecordsToStore } from "@/features/exports/server/records";
import { extractFileText, findFilesToExtract } from "@/features/documents/server/extract-file-text";
import { queueReferralReminders } from "@/features/referrals/server";
import { createBoss, EXTRACT_TEXT_QUEUE, SEND_MAIL_QUEUE, STORE_RECORD_QUEUE, ZExtractTextJobSchema, ZSendMailJobSchema, ZStoreRecordJobSchema } from "@/server/jobs";
import { deliverMail, findMailsToSweep, mailEnv } from "@/server/mail";
import { env } from "@/server/env";
import { logger } from "@/server/logger";
import { openAppDatabase } from "./lib/app-database";

const SWEEP_SECONDS = env.YTTRA_WORKER_SWEEP_SECONDS;

const main = async () => {
  const database = await openAppDatabase();
  const client = createDb(database.url, 4);
  setDb(client);
  const boss = await createBoss(database.url, "worker");
  const config = mailEnv();

  await boss.work(SEND_MAIL_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    const parsed = ZSendMailJobSchema.safeParse(job.data);
    // A malformed payload can never succeed: complete it (logged) instead of retrying forever.
    if (!parsed.success) return logger.error("send-mail: invalid payload", { jobId: job.id });
    const result = await deliverMail(parsed.data.mailId, config);
    logger.info("send-mail", { mailId: parsed.data.mailId, result });
  });

  await boss.work(STORE_RECORD_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    const parsed = ZStoreRecordJobSchema.safeParse(job.data);
    if (!parsed.success) return logger.error("store-record: invalid payload", { jobId: job.id });
    const result = await storeGeneratedRecord(parsed.data.recordId);
    logger.info("store-record", { recordId: parsed.data.recordId, result });
  });

  await boss.work(EXTRACT_TEXT_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    const parsed = ZExtractTextJobSchema.safeParse(job.data);
    if (!parsed.success) return logger.error("extract-text: invalid payload", { jobId: job.id });
    const result = await extractFileText(parsed.data.fileId);
    logger.info("extract-text", { fileId: parsed.data.fileId, result });
  });

  let sweeping = false;
  const sweep = async () => {
    if (sweeping) return;
    sweeping = true;
    try {
      const ids = await findMailsToSweep(config);
      if (ids.length > 0) {
        await boss.insert(ids.map((mailId) => ({ name: SEND_MAIL_QUEUE, data: { mailId } })));
        logger.info("mail sweep re-enqueued", { count: ids.length });
      }
      // Remiss reminders due today (queued once per instans and kind, however often this runs).
      const reminders = await queueReferralReminders();
      if (reminders.mailIds.length > 0) {
        await boss.insert(reminders.mailIds.map((mailId) => ({ name: SEND_MAIL_QUEUE, data: { mailId } })));
        logger.info("referral reminders queued", { count: reminders.queued.length });
      }
      // Records still pending, whose job may have been lost with a crash after their commit (storing is idempotent).
      const records = await findRecordsToStore();
      if (records.length > 0) {
        await boss.insert(records.map((recordId) => ({ name: STORE_RECORD_QUEUE, data: { recordId } })));
        logger.info("record sweep re-enqueued", { count: records.length });
      }
      // Uploaded files (and stored records) whose text is not searchable yet (extraction is idempotent).
      const files = await findFilesToExtract();
      if (files.length > 0) {
        await boss.insert(files.map((fileId) => ({ name: EXTRACT_TEXT_QUEUE, data: { fileId } })));
        logger.info("text extraction sweep re-enqueued", { count: files.length });
      }
    } catch (error) {
      logger.error("mail sweep failed", error);
    } finally {
      sweeping = false;
    }
  };
  await sweep();
  const timer = setInterval(() => void sweep(), SWEEP_SECONDS * 1000);
  logger.info("worker started", { sweepSeconds: SWEEP_SECONDS, smtp: Boolean(config.SMTP_HOST) });
  console.log("[yttra-worker] ready");

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(timer);
    await boss.stop({ graceful: true, timeout: 10_000, wait: true }).catch(() => {});
    await client.$disconnect();
    await database.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
