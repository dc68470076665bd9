// Background jobs in PostgreSQL (pg-boss, in its own schema "pgboss" of the app database).
// The app only enqueues; scripts/worker.ts runs the handlers.
import "server-only";
import PgBoss from "pg-boss";
import { z } from "zod";
import { env } from "@/server/env";
import { logger } from "@/server/logger";

export const JOB_SCHEMA = "pgboss";
export const SEND_MAIL_QUEUE = "send-mail";

/** The payload of a "send-mail" job: only the outbox row's id; the row is the truth. */
export const ZSendMailJobSchema = z.object({ mailId: z.uuid() }).strict();
export type TSendMailJob = z.infer<typeof ZSendMailJobSchema>;

/** Retries with back-off; a job whose worker died is retried after it expires. */
export const SEND_MAIL_QUEUE_OPTIONS = { retryLimit: 8, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 } as const;

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

/**
 * Enqueues delivery of outbox rows. Called after the commit that wrote them; never throws:
 * if enqueueing fails (or the process dies first), the worker's sweep finds the QUEUED rows.
 */
export const enqueueMailDelivery = async (mailIds: readonly string[]): Promise<void> => {
  if (mailIds.length === 0) return;
  try {
    const boss = producer();
    if (!boss) return;
    const started = await boss;
    await started.insert(mailIds.map((mailId) => ({ name: SEND_MAIL_QUEUE, data: ZSendMailJobSchema.parse({ mailId }), ...SEND_MAIL_QUEUE_OPTIONS })));
  } catch (error) {
    logger.warn("could not enqueue mail delivery; the sweep will pick it up", error);
  }
};

/** Stops the producer and waits for its connections to close (tests, shutdown). */
export const stopJobProducer = async (): Promise<void> => {
  const current = globalForJobs.__yttraProducer;
  globalForJobs.__yttraProducer = undefined;
  if (current) await current.boss.then((boss) => boss.stop({ graceful: false, close: true, wait: true })).catch(() => {});
};
