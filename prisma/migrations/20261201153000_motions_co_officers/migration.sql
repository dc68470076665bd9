-- A motion raised in fullmäktige as its own case kind, with the presidium's/KS' proposal on
-- it; co-handläggare of a case (the responsible one stays case.case_officer_id).

-- AlterEnum
ALTER TYPE "CaseKind" ADD VALUE 'MOTION' AFTER 'MOTION_REFERRAL';

-- CreateEnum
CREATE TYPE "MotionProposedAction" AS ENUM ('REFER', 'ANSWER', 'APPROVE', 'REJECT', 'CONSIDERED_ANSWERED');

-- AlterTable
ALTER TABLE "motion" ADD COLUMN "proposed_action" "MotionProposedAction",
ADD COLUMN "proposed_by" TEXT,
ADD COLUMN "proposed_to" TEXT,
ADD COLUMN "proposed_date" DATE;

-- CreateTable
CREATE TABLE "case_co_officer" (
    "case_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "added_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "case_co_officer_pkey" PRIMARY KEY ("case_id","user_id")
);

-- CreateIndex
CREATE INDEX "case_co_officer_user_id_idx" ON "case_co_officer"("user_id");

-- CreateIndex
CREATE INDEX "case_co_officer_added_by_id_idx" ON "case_co_officer"("added_by_id");

-- AddForeignKey
ALTER TABLE "case_co_officer" ADD CONSTRAINT "case_co_officer_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_co_officer" ADD CONSTRAINT "case_co_officer_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_co_officer" ADD CONSTRAINT "case_co_officer_added_by_id_fkey" FOREIGN KEY ("added_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
