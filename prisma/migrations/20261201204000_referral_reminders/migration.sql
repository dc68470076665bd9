-- Remiss reminders (påminnelser) through the mail outbox: how many days before and after the
-- remisstid each unanswered instans is reminded, chosen per sending. Each reminder is queued
-- once per instans and kind: referral_recipient.reminder_{before,after}_queued_at is set with
-- a conditional write in the transaction that writes the mail.

-- AlterTable
ALTER TABLE "referral_round" ADD COLUMN "reminder_days_before" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN "reminder_days_after" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "referral_round" ADD CONSTRAINT "referral_round_reminder_days_check" CHECK ("reminder_days_before" BETWEEN 0 AND 90 AND "reminder_days_after" BETWEEN 0 AND 90);
