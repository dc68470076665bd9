-- The remiss round trip, sending side: a case sent on remiss to remissinstanser (internal
-- committees of the same municipality, external organisations), each with its remisstid,
-- status, answer and position; the remissmissiv is a generated record of the outgoing handling.

-- AlterEnum
ALTER TYPE "GeneratedRecordKind" ADD VALUE 'REFERRAL_LETTER';

-- CreateEnum
CREATE TYPE "ReferralLetterMode" AS ENUM ('PER_RECIPIENT', 'SHARED');

-- CreateEnum
CREATE TYPE "ReferralRecipientKind" AS ENUM ('INTERNAL', 'EXTERNAL');

-- CreateEnum
CREATE TYPE "ReferralRecipientStatus" AS ENUM ('SENT', 'ACCEPTED', 'RETURNED', 'ANSWERED');

-- CreateEnum
CREATE TYPE "ReferralPosition" AS ENUM ('SUPPORTS', 'OPPOSES', 'SUPPORTS_WITH_CHANGES', 'ABSTAINS', 'NO_COMMENTS');

-- CreateTable
CREATE TABLE "referral_round" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "letter_mode" "ReferralLetterMode" NOT NULL,
    "letter" JSONB NOT NULL,
    "letter_hash" TEXT NOT NULL,
    "sent_date" DATE NOT NULL,
    "sent_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "referral_round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "referral_round_document" (
    "round_id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "referral_round_document_pkey" PRIMARY KEY ("round_id","document_id")
);

-- CreateTable
CREATE TABLE "referral_recipient" (
    "id" UUID NOT NULL,
    "round_id" UUID NOT NULL,
    "kind" "ReferralRecipientKind" NOT NULL,
    "committee_id" TEXT,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "due_date" DATE NOT NULL,
    "status" "ReferralRecipientStatus" NOT NULL DEFAULT 'SENT',
    "outgoing_document_id" UUID NOT NULL,
    "accepted_at" TIMESTAMP(3),
    "accepted_by_id" UUID,
    "receiving_case_id" UUID,
    "returned_at" TIMESTAMP(3),
    "returned_by_id" UUID,
    "return_reason" TEXT,
    "answered_date" DATE,
    "position" "ReferralPosition",
    "summary" TEXT,
    "answer_document_id" UUID,
    "answer_dispatch_id" UUID,
    "answer_recorded_by_id" UUID,
    "reminder_before_queued_at" TIMESTAMP(3),
    "reminder_after_queued_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "referral_recipient_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "referral_round_case_id_idx" ON "referral_round"("case_id");

-- CreateIndex
CREATE INDEX "referral_round_sent_by_id_idx" ON "referral_round"("sent_by_id");

-- CreateIndex
CREATE INDEX "referral_round_document_document_id_idx" ON "referral_round_document"("document_id");

-- CreateIndex
CREATE UNIQUE INDEX "referral_recipient_receiving_case_id_key" ON "referral_recipient"("receiving_case_id");

-- CreateIndex
CREATE UNIQUE INDEX "referral_recipient_answer_document_id_key" ON "referral_recipient"("answer_document_id");

-- CreateIndex
CREATE UNIQUE INDEX "referral_recipient_answer_dispatch_id_key" ON "referral_recipient"("answer_dispatch_id");

-- CreateIndex
CREATE INDEX "referral_recipient_round_id_idx" ON "referral_recipient"("round_id");

-- CreateIndex
CREATE INDEX "referral_recipient_committee_id_status_idx" ON "referral_recipient"("committee_id", "status");

-- CreateIndex
CREATE INDEX "referral_recipient_outgoing_document_id_idx" ON "referral_recipient"("outgoing_document_id");

-- CreateIndex
CREATE INDEX "referral_recipient_status_due_date_idx" ON "referral_recipient"("status", "due_date");

-- CreateIndex
CREATE INDEX "referral_recipient_accepted_by_id_idx" ON "referral_recipient"("accepted_by_id");

-- CreateIndex
CREATE INDEX "referral_recipient_returned_by_id_idx" ON "referral_recipient"("returned_by_id");

-- CreateIndex
CREATE INDEX "referral_recipient_answer_recorded_by_id_idx" ON "referral_recipient"("answer_recorded_by_id");

-- AddForeignKey
ALTER TABLE "referral_round" ADD CONSTRAINT "referral_round_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral_round" ADD CONSTRAINT "referral_round_sent_by_id_fkey" FOREIGN KEY ("sent_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral_round_document" ADD CONSTRAINT "referral_round_document_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "referral_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral_round_document" ADD CONSTRAINT "referral_round_document_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "case_document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral_recipient" ADD CONSTRAINT "referral_recipient_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "referral_round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral_recipient" ADD CONSTRAINT "referral_recipient_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral_recipient" ADD CONSTRAINT "referral_recipient_outgoing_document_id_fkey" FOREIGN KEY ("outgoing_document_id") REFERENCES "case_document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral_recipient" ADD CONSTRAINT "referral_recipient_accepted_by_id_fkey" FOREIGN KEY ("accepted_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral_recipient" ADD CONSTRAINT "referral_recipient_receiving_case_id_fkey" FOREIGN KEY ("receiving_case_id") REFERENCES "case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral_recipient" ADD CONSTRAINT "referral_recipient_returned_by_id_fkey" FOREIGN KEY ("returned_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral_recipient" ADD CONSTRAINT "referral_recipient_answer_document_id_fkey" FOREIGN KEY ("answer_document_id") REFERENCES "case_document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral_recipient" ADD CONSTRAINT "referral_recipient_answer_dispatch_id_fkey" FOREIGN KEY ("answer_dispatch_id") REFERENCES "dispatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral_recipient" ADD CONSTRAINT "referral_recipient_answer_recorded_by_id_fkey" FOREIGN KEY ("answer_recorded_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- An internal instans names its committee and no address; an external one has no committee.
ALTER TABLE "referral_recipient" ADD CONSTRAINT "referral_recipient_kind_check" CHECK (("kind" = 'INTERNAL' AND "committee_id" IS NOT NULL) OR ("kind" = 'EXTERNAL' AND "committee_id" IS NULL));
