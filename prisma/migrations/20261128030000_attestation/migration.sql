-- Attestation requests and steps, in-app notifications and the e-mail outbox.

-- CreateEnum
CREATE TYPE "AttestationSubject" AS ENUM ('STATEMENT', 'MINUTES');

-- CreateEnum
CREATE TYPE "AttestationOrder" AS ENUM ('SEQUENTIAL', 'PARALLEL');

-- CreateEnum
CREATE TYPE "AttestationRequestStatus" AS ENUM ('PENDING', 'COMPLETED', 'RETURNED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "AttestationStepStatus" AS ENUM ('WAITING', 'ATTESTED', 'RETURNED', 'INVALIDATED');

-- CreateEnum
CREATE TYPE "MailStatus" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'OUTBOX', 'FAILED');

-- CreateTable
CREATE TABLE "attestation_request" (
    "id" UUID NOT NULL,
    "subject_type" "AttestationSubject" NOT NULL,
    "subject_id" UUID NOT NULL,
    "case_id" UUID,
    "version_number" INTEGER NOT NULL,
    "content_hash" TEXT NOT NULL,
    "order" "AttestationOrder" NOT NULL DEFAULT 'SEQUENTIAL',
    "status" "AttestationRequestStatus" NOT NULL DEFAULT 'PENDING',
    "verification_code" TEXT NOT NULL,
    "requested_by_id" UUID NOT NULL,
    "completed_at" TIMESTAMP(3),
    "invalidated_at" TIMESTAMP(3),
    "invalidated_by_id" UUID,
    "invalidation_reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "attestation_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attestation_step" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "assignee_id" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "status" "AttestationStepStatus" NOT NULL DEFAULT 'WAITING',
    "attested_at" TIMESTAMP(3),
    "attester_name" TEXT,
    "attester_title" TEXT,
    "auth_method" TEXT,
    "attested_hash" TEXT,
    "comment" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "attestation_step_pkey" PRIMARY KEY ("id"),
    -- An attested step always records when, by whom and against which content.
    CONSTRAINT "attestation_step_attested_complete_check" CHECK ("status" <> 'ATTESTED' OR ("attested_at" IS NOT NULL AND "attested_hash" IS NOT NULL AND "attester_name" IS NOT NULL))
);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "read_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mail_message" (
    "id" UUID NOT NULL,
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" "MailStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "sent_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "mail_message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "attestation_request_verification_code_key" ON "attestation_request"("verification_code");

-- CreateIndex
CREATE INDEX "attestation_request_subject_type_subject_id_created_at_idx" ON "attestation_request"("subject_type", "subject_id", "created_at");

-- CreateIndex
CREATE INDEX "attestation_request_case_id_idx" ON "attestation_request"("case_id");

-- CreateIndex
CREATE INDEX "attestation_request_requested_by_id_idx" ON "attestation_request"("requested_by_id");

-- CreateIndex
CREATE INDEX "attestation_request_invalidated_by_id_idx" ON "attestation_request"("invalidated_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "attestation_step_request_id_position_key" ON "attestation_step"("request_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "attestation_step_request_id_assignee_id_key" ON "attestation_step"("request_id", "assignee_id");

-- CreateIndex
CREATE INDEX "attestation_step_assignee_id_status_idx" ON "attestation_step"("assignee_id", "status");

-- CreateIndex
CREATE INDEX "notification_user_id_read_at_idx" ON "notification"("user_id", "read_at");

-- CreateIndex
CREATE INDEX "mail_message_status_created_at_idx" ON "mail_message"("status", "created_at");

-- AddForeignKey
ALTER TABLE "attestation_request" ADD CONSTRAINT "attestation_request_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attestation_request" ADD CONSTRAINT "attestation_request_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attestation_request" ADD CONSTRAINT "attestation_request_invalidated_by_id_fkey" FOREIGN KEY ("invalidated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attestation_step" ADD CONSTRAINT "attestation_step_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "attestation_request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attestation_step" ADD CONSTRAINT "attestation_step_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
