// Remiss reminders through the mail outbox, with an injected clock: N days before and after the
// remisstid, once per instans and kind (also when workers sweep concurrently), never to answered
// or returned instances, audited, and a confidential case named as the public diarium names it.
import { beforeAll, describe, expect, it } from "vitest";
import { queueReferralReminders, sendReferral } from "@/features/referrals/server";
import { ZSendReferralSchema } from "@/features/referrals/schemas";
import { parseInput } from "@/server/validation";
import { actorFor } from "./statements-fixtures";
import { reminderCandidates, remindersDue } from "@/features/referrals/server/referral-reminders";
import { isoDateToDb } from "@/lib/dates";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createSentCase, KS_REGISTRAR, setupReferralWorld } from "./referral-fixtures";

let database: TestDatabase;

// Noon in Stockholm on the given day.
const at = (iso: string) => new Date(`${iso}T10:00:00.000Z`);

const mailsTo = (recipientIds: readonly string[]) =>
  database.db.auditEvent.count({ where: { action: "referral.reminder", entityId: { in: [...recipientIds] } } });

beforeAll(async () => {
  database = await createTestDatabase();
  await setupReferralWorld();
});

describe("remindersDue", () => {
  const base = { dueDate: isoDateToDb("2024-04-15"), sentDate: isoDateToDb("2024-03-01"), daysBefore: 5, daysAfter: 1, beforeQueued: false, afterQueued: false };
  it("is due from N days before the remisstid through the day itself, and from N days after it", () => {
    expect(remindersDue(base, isoDateToDb("2024-04-09"))).toEqual([]);
    expect(remindersDue(base, isoDateToDb("2024-04-10"))).toEqual(["BEFORE"]);
    expect(remindersDue(base, isoDateToDb("2024-04-15"))).toEqual(["BEFORE"]);
    expect(remindersDue(base, isoDateToDb("2024-04-16"))).toEqual(["AFTER"]);
    expect(remindersDue({ ...base, afterQueued: true }, isoDateToDb("2024-04-20"))).toEqual([]);
  });
  it("sends no reminder that is switched off (0 days), and none before on the day of sending", () => {
    expect(remindersDue({ ...base, daysBefore: 0 }, isoDateToDb("2024-04-12"))).toEqual([]);
    expect(remindersDue({ ...base, daysAfter: 0 }, isoDateToDb("2024-05-01"))).toEqual([]);
    expect(remindersDue({ ...base, sentDate: isoDateToDb("2024-04-12") }, isoDateToDb("2024-04-12"))).toEqual([]);
  });
});

describe("queueReferralReminders", () => {
  it("queues each reminder once at the registry of every unanswered instans, none to answered or returned ones, and audits it", async () => {
    const { caseId, recipientIds } = await createSentCase(database.db, {
      instances: [
        { committeeId: "has", name: "Hägersten-Älvsjö stadsdelsnämnd", dueDate: "2030-04-15", status: "ACCEPTED" },
        { name: "Polismyndigheten", email: "registrator.stockholm@polisen.example", dueDate: "2030-04-15" },
        { committeeId: "sos", name: "Södermalms stadsdelsnämnd", dueDate: "2030-04-15", status: "ANSWERED", answeredDate: "2030-04-01", position: "SUPPORTS" },
        { name: "Fel myndighet", email: "fel@example.org", dueDate: "2030-04-15", status: "RETURNED" },
      ],
      sentDate: "2030-03-01",
    });
    const [has, police, answered, returned] = recipientIds as [string, string, string, string];

    expect((await queueReferralReminders({ now: at("2030-04-09") })).queued).toEqual([]);

    const before = await queueReferralReminders({ now: at("2030-04-10") });
    expect(before.queued.filter((row) => recipientIds.includes(row.recipientId)).sort((a, b) => a.recipientId.localeCompare(b.recipientId))).toEqual(
      [{ recipientId: has, kind: "BEFORE" }, { recipientId: police, kind: "BEFORE" }].sort((a, b) => a.recipientId.localeCompare(b.recipientId)),
    );
    // The external organisation's registry address, and the receiving committee's registrator.
    const mails = await database.db.mailMessage.findMany({ where: { id: { in: before.mailIds } }, select: { toAddress: true, subject: true, text: true, municipalityId: true } });
    expect(mails.map((mail) => mail.toAddress).sort()).toEqual(["registrator.stockholm@polisen.example", "registrator@yttra.example"].sort());
    expect(mails.every((mail) => mail.municipalityId === "stockholm")).toBe(true);
    expect(mails[0]!.subject).toContain("svar senast 2030-04-15");
    expect(mails[0]!.text).toContain("Stoppa de öppna drogscenerna");
    const registrar = await database.db.user.findUniqueOrThrow({ where: { username: "registrator" } });
    expect(await database.db.notification.count({ where: { userId: registrar.id, kind: "referral.reminder_before" } })).toBeGreaterThanOrEqual(1);

    // The same day again, and the day after: nothing new.
    expect((await queueReferralReminders({ now: at("2030-04-10") })).mailIds).toEqual([]);
    expect((await queueReferralReminders({ now: at("2030-04-11") })).mailIds).toEqual([]);

    const after = await queueReferralReminders({ now: at("2030-04-16") });
    expect(after.queued.filter((row) => recipientIds.includes(row.recipientId)).map((row) => row.kind)).toEqual(["AFTER", "AFTER"]);
    expect((await queueReferralReminders({ now: at("2030-04-30") })).mailIds).toEqual([]);

    expect(await mailsTo([has, police])).toBe(4);
    expect(await mailsTo([answered, returned])).toBe(0);
    const events = await database.db.auditEvent.findMany({ where: { action: "referral.reminder", caseId }, select: { actorId: true, data: true } });
    expect(events).toHaveLength(4);
    expect(events.every((event) => event.actorId === null)).toBe(true);
    const rows = await database.db.referralRecipient.findMany({ where: { id: { in: [answered, returned] } }, select: { reminderBeforeQueuedAt: true, reminderAfterQueuedAt: true } });
    expect(rows.every((row) => row.reminderBeforeQueuedAt === null && row.reminderAfterQueuedAt === null)).toBe(true);
  });

  it("queues a reminder exactly once when several workers sweep at the same time", async () => {
    const { recipientIds } = await createSentCase(database.db, {
      instances: [1, 2, 3].map((n) => ({ name: `Organisation ${n}`, email: `org${n}@example.org`, dueDate: "2031-06-10" })),
      sentDate: "2031-05-01",
      reminderDaysBefore: 3,
    });
    const results = await Promise.all(Array.from({ length: 6 }, () => queueReferralReminders({ now: at("2031-06-07") })));
    const queued = results.flatMap((result) => result.queued).filter((row) => recipientIds.includes(row.recipientId));
    expect(queued).toHaveLength(3);
    expect(new Set(queued.map((row) => row.recipientId)).size).toBe(3);
    expect(await database.db.mailMessage.count({ where: { toAddress: { in: ["org1@example.org", "org2@example.org", "org3@example.org"] } } })).toBe(3);
    expect(await mailsTo(recipientIds)).toBe(3);
  });

  it("names a confidential case as the public diarium does, and honours a sending's own number of days", async () => {
    const canary = "Kanariefågel-remiss-7731";
    await createSentCase(database.db, {
      instances: [{ name: "Region Stockholm", email: "registrator@region.example", dueDate: "2032-09-20" }],
      sentDate: "2032-08-01",
      confidential: true,
      title: `Ärende om ${canary}`,
      reminderDaysBefore: 10,
      reminderDaysAfter: 0,
    });
    await queueReferralReminders({ now: at("2032-09-10") });
    const [mail, ...more] = await database.db.mailMessage.findMany({ where: { toAddress: "registrator@region.example" }, select: { subject: true, text: true } });
    expect(more).toEqual([]);
    expect(mail?.text).toContain("Sekretessmarkerat ärende");
    expect(`${mail?.subject} ${mail?.text}`).not.toContain(canary);
    // No reminder after the remisstid for this sending (0 days).
    await queueReferralReminders({ now: at("2032-10-15") });
    expect(await database.db.mailMessage.count({ where: { toAddress: "registrator@region.example" } })).toBe(1);
  });

  it("stops reading an instans whose reminders can no longer come: a missed \"before\" window, a reminder switched off", async () => {
    const { recipientIds: [missed] } = await createSentCase(database.db, { instances: [{ name: "Länsstyrelsen", email: "lst@example.org", dueDate: "2033-05-10" }], sentDate: "2033-04-01", reminderDaysBefore: 5, reminderDaysAfter: 0 });
    const { recipientIds: [off] } = await createSentCase(database.db, { instances: [{ name: "Trafikverket", email: "tv@example.org", dueDate: "2033-05-10" }], sentDate: "2033-04-01", reminderDaysBefore: 0, reminderDaysAfter: 2 });
    const ids = async (iso: string) => (await reminderCandidates(isoDateToDb(iso))).map((row) => row.id);
    // Inside the window (no sweep ran): both still wait for a reminder.
    expect(await ids("2033-05-08")).toEqual(expect.arrayContaining([missed, off]));
    // The remisstid passed without a "before" reminder, and no "after" one is on: gone for good.
    expect(await ids("2033-05-11")).not.toContain(missed);
    // The "after" reminder is queued once; with "before" off, the instans is not read again.
    expect((await queueReferralReminders({ now: at("2033-05-12") })).queued).toContainEqual({ recipientId: off, kind: "AFTER" });
    expect(await ids("2033-05-13")).not.toContain(off);
  });

  it("takes the number of days from the sending (Skicka på remiss), 5 before and 1 after unless chosen", async () => {
    const registrar = await actorFor(database.db, KS_REGISTRAR);
    const { caseId } = await createSentCase(database.db, { instances: [] });
    const input = { caseId, letterMode: "SHARED", sentDate: "2024-03-02", text: "Kommunstyrelsen remitterar motionen.", recipients: [{ kind: "EXTERNAL", name: "Trafikverket", email: "trafikverket@example.org", dueDate: "2024-05-02" }] };
    const chosen = await sendReferral({ actor: registrar, input: parseInput(ZSendReferralSchema, { ...input, reminderDaysBefore: "10", reminderDaysAfter: "0" }) });
    const standard = await sendReferral({ actor: registrar, input: parseInput(ZSendReferralSchema, { ...input, recipients: [{ ...input.recipients[0], email: "annan@example.org" }] }) });
    const rounds = await database.db.referralRound.findMany({ where: { id: { in: [chosen.roundId, standard.roundId] } }, select: { id: true, reminderDaysBefore: true, reminderDaysAfter: true } });
    expect(rounds.find((round) => round.id === chosen.roundId)).toMatchObject({ reminderDaysBefore: 10, reminderDaysAfter: 0 });
    expect(rounds.find((round) => round.id === standard.roundId)).toMatchObject({ reminderDaysBefore: 5, reminderDaysAfter: 1 });
    expect(ZSendReferralSchema.safeParse({ ...input, reminderDaysBefore: "91" }).success).toBe(false);
  });
});
