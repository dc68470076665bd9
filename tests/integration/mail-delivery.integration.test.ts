// The e-mail outbox against a real SMTP server (smtp-server on 127.0.0.1, random port):
// exactly one mail per notification — with duplicate jobs, concurrent workers, and a
// worker killed in the middle of a delivery and started again.
import { spawn, type ChildProcess } from "node:child_process";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendStatementForAttestation } from "@/features/attestation/server/attestation-service";
import { configureJobProducer, stopJobProducer } from "@/server/jobs";
import { deliverMail, messageIdFor, ZMailEnvSchema } from "@/server/mail";
import { createTestDatabase } from "../support/database";
import { actorFor, createCaseWithStatement, seedOrganisation } from "./attestation-fixtures";

const { db, url } = await createTestDatabase();

type Received = { to: string[]; messageId: string | null };
const received: Received[] = [];
let stallNextSession = false;
let stalledSessions = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onMailFrom: (_address, _session, callback) => {
    if (stallNextSession) {
      // Hold the transaction open: the worker is killed while waiting here.
      stallNextSession = false;
      stalledSessions += 1;
      return;
    }
    callback();
  },
  onData: (stream, session, callback) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), messageId: /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? null });
      callback();
    });
  },
});
let port = 0;

const smtpConfig = () => ZMailEnvSchema.parse({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port) });

const queueMail = (to: string) => db.mailMessage.create({ data: { municipalityId: "stockholm", toAddress: to, subject: "Test", text: "Hej" } });

const waitFor = async (condition: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const startWorker = (): ChildProcess =>
  spawn("npx", ["tsx", "--conditions=react-server", "scripts/worker.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(port),
      MAIL_SENDING_LEASE_SECONDS: "2",
      MAIL_SWEEP_QUEUED_AFTER_SECONDS: "0",
      YTTRA_WORKER_SWEEP_SECONDS: "1",
    },
    stdio: "ignore",
    detached: true,
  });

/** kill -9 of the whole process group (npx → tsx → node). */
const killHard = (child: ChildProcess) => {
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // already gone
  }
};

beforeAll(async () => {
  await seedOrganisation();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await stopJobProducer();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("mail delivery", () => {
  it("sends a queued mail once with a deterministic Message-ID and skips it when the job runs again", async () => {
    const mail = await queueMail("a@example.org");
    expect(await deliverMail(mail.id, smtpConfig())).toBe("SENT");
    expect(await deliverMail(mail.id, smtpConfig())).toBe("SKIPPED");
    const mine = received.filter((item) => item.messageId === messageIdFor(mail.id));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.to).toEqual(["a@example.org"]);
    expect(await db.mailMessage.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("sends once when ten deliveries of the same mail run at the same time", async () => {
    const mail = await queueMail("b@example.org");
    const results = await Promise.all(Array.from({ length: 10 }, () => deliverMail(mail.id, smtpConfig())));
    expect(results.filter((result) => result === "SENT")).toHaveLength(1);
    expect(received.filter((item) => item.messageId === messageIdFor(mail.id))).toHaveLength(1);
  });

  it("keeps mail in the outbox when no SMTP server is configured", async () => {
    const mail = await queueMail("c@example.org");
    expect(await deliverMail(mail.id, ZMailEnvSchema.parse({}))).toBe("OUTBOX");
    expect((await db.mailMessage.findUniqueOrThrow({ where: { id: mail.id } })).status).toBe("OUTBOX");
  });

  it("delivers exactly one mail per notification when the worker is killed mid-delivery and restarted", async () => {
    stallNextSession = true;
    const mail = await queueMail("d@example.org");
    let worker = startWorker();
    try {
      await waitFor(() => stalledSessions === 1, 60_000);
      killHard(worker);
      expect((await db.mailMessage.findUniqueOrThrow({ where: { id: mail.id } })).status).toBe("SENDING");

      worker = startWorker();
      await waitFor(async () => (await db.mailMessage.findUniqueOrThrow({ where: { id: mail.id } })).status === "SENT", 60_000);

      // A notification through the real path: outbox row in the transaction, job after commit.
      configureJobProducer(url);
      const { caseId } = await createCaseWithStatement(db);
      const linda = await actorFor(db, "linda.palo");
      await sendStatementForAttestation({ actor: await actorFor(db, "clas.cederlid"), input: { caseId, order: "SEQUENTIAL", attesterIds: [linda.id], versionNumber: 1 } });
      const notification = await db.mailMessage.findFirstOrThrow({ where: { text: { contains: caseId } } });
      await waitFor(() => received.some((item) => item.messageId === messageIdFor(notification.id)), 60_000);
      // Give a duplicate every chance to show up (sweeps run every second).
      await new Promise((resolve) => setTimeout(resolve, 4_000));
    } finally {
      killHard(worker);
    }
    expect(received.filter((item) => item.messageId === messageIdFor(mail.id))).toHaveLength(1);
    const notifications = await db.mailMessage.findMany({ where: { toAddress: "linda.palo@yttra.example" } });
    expect(notifications).toHaveLength(1);
    expect(received.filter((item) => item.messageId === messageIdFor(notifications[0]!.id))).toHaveLength(1);
    expect(received.find((item) => item.messageId === messageIdFor(notifications[0]!.id))?.to).toEqual(["linda.palo@yttra.example"]);
  }, 180_000);
});
