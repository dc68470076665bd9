// Background jobs in PostgreSQL (pg-boss, in its own schema "pgboss" of the app database).
// The app only enqueues; scripts/worker.ts runs the handlers.
import "server-only";
import PgBoss from "pg-boss";
import { z } from "zod";
import { env } from "@/server/env";
import { logger } from "@/server/logger";

export const JOB_SCHEMA = "pgboss";
export const SEND_MAIL_QUEUE = "send-mail";
export const STORE_RECORD_QUEUE = "store-record";
export const EXTRACT_TEXT_QUEUE = "extract-text";

/** The payload of a "send-mail" job: only the outbox row's id; the row is the truth. */
export const ZSendMailJobSchema = z.object({ mailId: z.uuid() }).strict();
export type TSendMailJob = z.infer<typeof ZSendMailJobSchema>;

/** Retries with back-off; a job whose worker died is retried after it expires. */
export const SEND_MAIL_QUEUE_OPTIONS = { retryLimit: 8, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 } as const;

/** The payload of a "store-record" job: the generated_record row's id; the row is the truth. */
export const ZStoreRecordJobSchema = z.object({ recordId: z.uuid() }).strict();

/** Rendering is deterministic: a failed attempt is retried soon, and the sweep catches the rest. */
export const STORE_RECORD_QUEUE_OPTIONS = { retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 300 } as const;

/** The payload of an "extract-text" job: the case_document_file row's id; the row is the truth. */
export const ZExtractTextJobSchema = z.object({ fileId: z.uuid() }).strict();

/** Extraction is deterministic and records its own failure: few retries, and the sweep catches lost jobs. */
export const EXTRACT_TEXT_QUEUE_OPTIONS = { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 } as const;

export type BossRole = "producer" | "worker";

export const createBoss = async (connectionString: string, role: BossRole): Promise<PgBoss> => {
  const boss = new PgBoss({
    connectionString,
    schema: JOB_SCHEMA,
    application_name: `yttra-${role}`,
    max: role === "producer" ? 2 : 4,
    // Only the worker supervises (expires and archives jobs); an app instance just sends.
    supervise: role === "worker",
    schedule: false,
  });
  boss.on("error", (error) => logger.error("pg-boss error", error));
  await boss.start();
  await boss.createQueue(SEND_MAIL_QUEUE, { name: SEND_MAIL_QUEUE, ...SEND_MAIL_QUEUE_OPTIONS });
  await boss.createQueue(STORE_RECORD_QUEUE, { name: STORE_RECORD_QUEUE, ...STORE_RECORD_QUEUE_OPTIONS });
  await boss.createQueue(EXTRACT_TEXT_QUEUE, { name: EXTRACT_TEXT_QUEUE, ...EXTRACT_TEXT_QUEUE_OPTIONS });
  return boss;
};

const globalForJobs = globalThis as unknown as { __yttraProducer?: { url: string; boss: Promise<PgBoss> } };

/** Points the producer at another database (tests); null turns enqueueing off. */
export const configureJobProducer = (connectionString: string | null): void => {
  const current = globalForJobs.__yttraProducer;
  globalForJobs.__yttraProducer = undefined;
  if (current) void current.boss.then((boss) => boss.stop({ graceful: false, close: true })).catch(() => {});
  if (connectionString) globalForJobs.__yttraProducer = { url: connectionString, boss: createBoss(connectionString, "producer") };
};

const producer = (): Promise<PgBoss> | null => {
  if (!globalForJobs.__yttraProducer) {
    if (!env.DATABASE_URL) return null;
    globalForJobs.__yttraProducer = { url: env.DATABASE_URL, boss: createBoss(env.DATABASE_URL, "producer") };
  }
  return globalForJobs.__yttraProducer.boss;
};

/** Never throws: the rows are the truth, and the worker's sweep finds what was not enqueued. */
const insertJobs = async (what: string, jobs: { name: string; data: object }[]): Promise<void> => {
  if (jobs.length === 0) return;
  try {
    const boss = producer();
    if (!boss) return;
    await (await boss).insert(jobs);
  } catch (error) {
    logger.warn(`could not enqueue ${what}; the sweep will pick it up`, error);
  }
};

/**
 * Enqueues delivery of outbox rows. Called after the commit that wrote them; never throws:
 * if enqueueing fails (or the process dies first), the worker's sweep finds the QUEUED rows.
 */
export const enqueueMailDelivery = async (mailIds: readonly string[]): Promise<void> =>
  insertJobs("mail delivery", mailIds.map((mailId) => ({ name: SEND_MAIL_QUEUE, data: ZSendMailJobSchema.parse({ mailId }), ...SEND_MAIL_QUEUE_OPTIONS })));

/** Enqueues storing generated records (after the commit that requested them), as mail delivery above. */
export const enqueueRecordStorage = async (recordIds: readonly string[]): Promise<void> =>
  insertJobs("record storage", recordIds.map((recordId) => ({ name: STORE_RECORD_QUEUE, data: ZStoreRecordJobSchema.parse({ recordId }), ...STORE_RECORD_QUEUE_OPTIONS })));

/** Enqueues extracting the text of uploaded files for search (after the upload's commit), as mail delivery above. */
export const enqueueTextExtraction = async (fileIds: readonly string[]): Promise<void> =>
  insertJobs("text extraction", fileIds.map((fileId) => ({ name: EXTRACT_TEXT_QUEUE, data: ZExtractTextJobSchema.parse({ fileId }), ...EXTRACT_TEXT_QUEUE_OPTIONS })));

/** Stops the producer and waits for its connections to close (tests, shutdown). */
export const stopJobProducer = async (): Promise<void> => {
  const current = globalForJobs.__yttraProducer;
  globalForJobs.__yttraProducer = undefined;
  if (current) await current.boss.then((boss) => boss.stop({ graceful: false, close: true, wait: true })).catch(() => {});
};
