// Påminnelser: each unanswered remissinstans is reminded through the mail outbox a chosen
// number of days before its remisstid and after it (per sending: referral_round.reminder_days_*).
// Run by the job worker's sweep (scripts/worker.ts) with the clock it is given.
//
// Exactly once per instans and kind: the reminder is written in one transaction with a
// conditional write on its bookkeeping column (`reminder_*_queued_at IS NULL` and the instans
// still open), so two workers sweeping at once queue it once; the loser's count is 0 and it
// writes nothing. Answered and returned instances are never reminded (the same condition).
// Internal instans: the registrators of the receiving committee (and the handläggare of the
// case it was accepted into) get a notice and its e-mail; external: the organisation's
// registry address. A confidential case is named as the public diarium names it.
import "server-only";
import type { ReferralRecipientStatus } from "@/generated/prisma/enums";
import { recordAudit } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { CASE_SCOPE_SELECT, COMMITTEE_SCOPE_SELECT, toCaseScope, toCommitteeScope, usersCoveringWhere } from "@/server/authz";
import { caseHiddenFrom } from "@/features/cases/server";
import { CONFIDENTIAL_CASE_TITLE } from "@/features/cases/secrecy";
import { notifyInTx } from "@/features/notifications/server";
import { addDays, formatDateOnly, stockholmToday } from "@/lib/dates";
import { ZReferralLetterSchema } from "../letter";

/** Instances still waiting for an answer. */
const OPEN: ReferralRecipientStatus[] = ["SENT", "ACCEPTED"];

export type ReminderKind = "BEFORE" | "AFTER";

const QUEUED_AT = { BEFORE: "reminderBeforeQueuedAt", AFTER: "reminderAfterQueuedAt" } as const;

/** The longest reminder offset a sending may choose (the migration's check). */
const MAX_REMINDER_DAYS = 90;

type Candidate = { dueDate: Date; sentDate: Date; daysBefore: number; daysAfter: number; beforeQueued: boolean; afterQueued: boolean };

/**
 * The reminders due for an instans on `today` (dates at UTC midnight, as stored). Before: from
 * `daysBefore` days ahead of the remisstid up to the day itself, never on the day it was sent;
 * after: from `daysAfter` days past it. 0 days: that reminder is off.
 */
export const remindersDue = (candidate: Candidate, today: Date): ReminderKind[] => {
  const due: ReminderKind[] = [];
  const beforeFrom = addDays(candidate.dueDate, -candidate.daysBefore);
  if (candidate.daysBefore > 0 && !candidate.beforeQueued && today >= beforeFrom && today <= candidate.dueDate && today > candidate.sentDate) due.push("BEFORE");
  if (candidate.daysAfter > 0 && !candidate.afterQueued && today >= addDays(candidate.dueDate, candidate.daysAfter)) due.push("AFTER");
  return due;
};

const RECIPIENT_SELECT = {
  id: true,
  kind: true,
  name: true,
  email: true,
  dueDate: true,
  committee: { select: COMMITTEE_SCOPE_SELECT },
  receivingCase: { select: { id: true, caseOfficerId: true } },
  round: {
    select: {
      sentDate: true,
      letter: true,
      case: { select: { ...CASE_SCOPE_SELECT, id: true, caseNumber: true, title: true, committee: { select: { municipalityId: true, name: true } } } },
    },
  },
} as const;

const reminderText = (kind: ReminderKind, facts: { sender: string; caseNumber: string; title: string; sentDate: string; dueDate: string; contact: string }) => {
  const about = `${facts.sender} skickade ${facts.sentDate} ärendet ”${facts.title}” (dnr ${facts.caseNumber}) på remiss.`;
  const ask =
    kind === "BEFORE"
      ? `Svaret ska ha kommit in senast ${facts.dueDate}. Ange diarienummer ${facts.caseNumber} i svaret.`
      : `Remisstiden gick ut ${facts.dueDate} och vi har inte fått något svar. Skicka svaret så snart som möjligt och ange diarienummer ${facts.caseNumber}, eller kontakta oss om ni behöver längre tid.`;
  return {
    title: `${kind === "BEFORE" ? "Påminnelse" : "Remisstiden har gått ut"}: remiss ${facts.caseNumber}, svar senast ${facts.dueDate}`,
    body: `${about}\n\n${ask}${facts.contact ? `\n\nKontakt: ${facts.contact}` : ""}`,
  };
};

/** Queues one reminder in its own transaction; null when another worker did or the instans is no longer open. */
const queueReminderInTx = async (tx: Tx, recipientId: string, kind: ReminderKind, now: Date): Promise<string[] | null> => {
  const claimed = await tx.referralRecipient.updateMany({
    where: { id: recipientId, status: { in: OPEN }, [QUEUED_AT[kind]]: null },
    data: { [QUEUED_AT[kind]]: now },
  });
  if (claimed.count === 0) return null;
  const recipient = await tx.referralRecipient.findUniqueOrThrow({ where: { id: recipientId }, select: RECIPIENT_SELECT });
  const senderCase = recipient.round.case;
  const letter = ZReferralLetterSchema.safeParse(recipient.round.letter);
  const contact = letter.success ? [letter.data.contact.name, letter.data.contact.phone, letter.data.contact.email].filter(Boolean).join(", ") : "";
  const { title, body } = reminderText(kind, {
    sender: senderCase.committee.name,
    caseNumber: senderCase.caseNumber,
    // Mail leaves the app's access control: named as the public diarium names it.
    title: caseHiddenFrom("public", toCaseScope(senderCase)) ? CONFIDENTIAL_CASE_TITLE : senderCase.title,
    sentDate: formatDateOnly(recipient.round.sentDate),
    dueDate: formatDateOnly(recipient.dueDate),
    contact,
  });
  const municipalityId = senderCase.committee.municipalityId;
  let mailIds: string[] = [];
  let to: string[] = [];
  if (recipient.kind === "EXTERNAL" && recipient.email) {
    const mail = await tx.mailMessage.create({
      data: { municipalityId, toAddress: recipient.email, subject: title, text: `Till ${recipient.name}\n\n${body}\n\nDet här meddelandet skickades automatiskt från Yttra.` },
      select: { id: true },
    });
    mailIds = [mail.id];
    to = [recipient.email];
  } else if (recipient.committee) {
    const committee = toCommitteeScope(recipient.committee);
    const registrars = await tx.user.findMany({
      where: usersCoveringWhere(["REGISTRAR"], { municipalityId: committee.municipalityId, committeeIds: [committee.committeeId], administrationIds: committee.administrationIds, departmentIds: committee.departmentIds }),
      select: { id: true, name: true },
    });
    const userIds = [...registrars.map((user) => user.id), ...(recipient.receivingCase ? [recipient.receivingCase.caseOfficerId] : [])];
    // Not yet accepted: it waits in the committee's "Inkomna remisser".
    const link = recipient.receivingCase ? `/arenden/${recipient.receivingCase.id}` : "/inkomna-remisser";
    mailIds = await notifyInTx(tx, { municipalityId, userIds, kind: `referral.reminder_${kind.toLowerCase()}`, title, body, link });
    to = [...new Set(userIds)];
  }
  await recordAudit(tx, {
    actorId: null,
    action: "referral.reminder",
    entityType: "ReferralRecipient",
    entityId: recipient.id,
    caseId: senderCase.id,
    data: { name: recipient.name, kind, dueDate: formatDateOnly(recipient.dueDate), recipients: to.length },
  });
  return mailIds;
};

export type QueueReferralRemindersResult = { queued: { recipientId: string; kind: ReminderKind }[]; mailIds: string[] };

/**
 * Queues every reminder due on `now`'s day (Europe/Stockholm). Idempotent and safe to run
 * concurrently; the caller enqueues delivery of `mailIds` (the mail sweep catches the rest).
 */
/**
 * The open instances that may still get a reminder on `today`: a "before" reminder that is on
 * and whose remisstid has not passed, or an "after" reminder that is on; neither queued yet.
 * A reminder switched off (0 days) or a "before" window missed drops the row for good, so the
 * sweep does not read it again every run.
 */
export const reminderCandidates = (today: Date) =>
  db.referralRecipient.findMany({
    where: {
      status: { in: OPEN },
      dueDate: { lte: addDays(today, MAX_REMINDER_DAYS) },
      OR: [
        { reminderBeforeQueuedAt: null, dueDate: { gte: today }, round: { reminderDaysBefore: { gt: 0 } } },
        { reminderAfterQueuedAt: null, round: { reminderDaysAfter: { gt: 0 } } },
      ],
    },
    select: { id: true, dueDate: true, reminderBeforeQueuedAt: true, reminderAfterQueuedAt: true, round: { select: { sentDate: true, reminderDaysBefore: true, reminderDaysAfter: true } } },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
  });

export const queueReferralReminders = async ({ now = new Date() }: { now?: Date } = {}): Promise<QueueReferralRemindersResult> => {
  const today = stockholmToday(now);
  const open = await reminderCandidates(today);
  const result: QueueReferralRemindersResult = { queued: [], mailIds: [] };
  for (const row of open) {
    const kinds = remindersDue(
      {
        dueDate: row.dueDate,
        sentDate: row.round.sentDate,
        daysBefore: row.round.reminderDaysBefore,
        daysAfter: row.round.reminderDaysAfter,
        beforeQueued: row.reminderBeforeQueuedAt !== null,
        afterQueued: row.reminderAfterQueuedAt !== null,
      },
      today,
    );
    for (const kind of kinds) {
      const mailIds = await db.$transaction((tx) => queueReminderInTx(tx, row.id, kind, now));
      if (mailIds === null) continue;
      result.queued.push({ recipientId: row.id, kind });
      result.mailIds.push(...mailIds);
    }
  }
  return result;
};
