-- Diarium: registry series and counters, KLASSA classes, cases, motions, documents,
-- content-addressed file storage and deadlines.

-- CreateEnum
CREATE TYPE "CaseKind" AS ENUM ('MOTION_REFERRAL', 'AGENCY_REFERRAL', 'LETTER', 'OTHER');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('OPEN', 'CLOSED', 'MISREGISTERED');

-- CreateEnum
CREATE TYPE "DocumentDirection" AS ENUM ('INCOMING', 'DRAWN_UP', 'OUTGOING');

-- CreateEnum
CREATE TYPE "DeadlineKind" AS ENUM ('REFERRAL_DUE', 'MOTION_ONE_YEAR', 'OTHER');

-- CreateTable
CREATE TABLE "registry_series" (
    "id" TEXT NOT NULL,
    "committee_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "seq_padding" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "registry_series_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "registry_series_counter" (
    "series_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last_value" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "registry_series_counter_pkey" PRIMARY KEY ("series_id","year")
);

-- CreateTable
CREATE TABLE "classification" (
    "id" UUID NOT NULL,
    "municipality_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "classification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case" (
    "id" UUID NOT NULL,
    "case_number" TEXT NOT NULL,
    "series_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "CaseKind" NOT NULL,
    "status" "CaseStatus" NOT NULL DEFAULT 'OPEN',
    "committee_id" TEXT NOT NULL,
    "department_id" TEXT NOT NULL,
    "case_officer_id" UUID NOT NULL,
    "classification_id" UUID,
    "referring_body" TEXT,
    "referring_case_number" TEXT,
    "received_date" DATE NOT NULL,
    "due_date" DATE,
    "secrecy_reference" TEXT,
    "secrecy_reason" TEXT,
    "secrecy_decided_by_id" UUID,
    "secrecy_decided_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),
    "closed_reason" TEXT,
    "answered_date" DATE,
    "last_document_number" INTEGER NOT NULL DEFAULT 0,
    "idempotency_key" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "case_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "case_due_after_received_check" CHECK ("due_date" IS NULL OR "due_date" >= "received_date")
);

-- CreateTable
CREATE TABLE "motion" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "number" TEXT,
    "title" TEXT NOT NULL,
    "raised_date" DATE NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "motion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "motion_author" (
    "id" UUID NOT NULL,
    "motion_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "party" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "motion_author_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "motion_proposal" (
    "id" UUID NOT NULL,
    "motion_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "motion_proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_document" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "direction" "DocumentDirection" NOT NULL,
    "document_date" DATE NOT NULL,
    "registered_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "counterpart" TEXT,
    "description" TEXT NOT NULL,
    "secrecy_reference" TEXT,
    "secrecy_reason" TEXT,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "case_document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "blob" (
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "mime_type" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "blob_pkey" PRIMARY KEY ("sha256")
);

-- CreateTable
CREATE TABLE "case_document_file" (
    "id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "blob_sha256" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "case_document_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deadline" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "kind" "DeadlineKind" NOT NULL,
    "due_date" DATE NOT NULL,
    "description" TEXT NOT NULL,
    "completed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "deadline_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "registry_series_committee_id_key" ON "registry_series"("committee_id");

-- CreateIndex
CREATE UNIQUE INDEX "classification_municipality_id_code_key" ON "classification"("municipality_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "case_case_number_key" ON "case"("case_number");

-- CreateIndex
CREATE UNIQUE INDEX "case_idempotency_key_key" ON "case"("idempotency_key");

-- CreateIndex
CREATE INDEX "case_committee_id_created_at_id_idx" ON "case"("committee_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "case_department_id_idx" ON "case"("department_id");

-- CreateIndex
CREATE INDEX "case_case_officer_id_status_idx" ON "case"("case_officer_id", "status");

-- CreateIndex
CREATE INDEX "case_classification_id_idx" ON "case"("classification_id");

-- CreateIndex
CREATE INDEX "case_secrecy_decided_by_id_idx" ON "case"("secrecy_decided_by_id");

-- CreateIndex
CREATE INDEX "case_created_by_id_idx" ON "case"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "case_series_id_year_sequence_key" ON "case"("series_id", "year", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "motion_case_id_key" ON "motion"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "motion_author_motion_id_position_key" ON "motion_author"("motion_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "motion_proposal_motion_id_position_key" ON "motion_proposal"("motion_id", "position");

-- CreateIndex
CREATE INDEX "case_document_registered_at_idx" ON "case_document"("registered_at");

-- CreateIndex
CREATE INDEX "case_document_created_by_id_idx" ON "case_document"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "case_document_case_id_number_key" ON "case_document"("case_id", "number");

-- CreateIndex
CREATE INDEX "case_document_file_document_id_idx" ON "case_document_file"("document_id");

-- CreateIndex
CREATE INDEX "case_document_file_blob_sha256_idx" ON "case_document_file"("blob_sha256");

-- CreateIndex
CREATE INDEX "deadline_case_id_idx" ON "deadline"("case_id");

-- CreateIndex
CREATE INDEX "deadline_due_date_completed_at_idx" ON "deadline"("due_date", "completed_at");

-- AddForeignKey
ALTER TABLE "registry_series" ADD CONSTRAINT "registry_series_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registry_series_counter" ADD CONSTRAINT "registry_series_counter_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "registry_series"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "classification" ADD CONSTRAINT "classification_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "registry_series"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_case_officer_id_fkey" FOREIGN KEY ("case_officer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_classification_id_fkey" FOREIGN KEY ("classification_id") REFERENCES "classification"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_secrecy_decided_by_id_fkey" FOREIGN KEY ("secrecy_decided_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "motion" ADD CONSTRAINT "motion_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "motion_author" ADD CONSTRAINT "motion_author_motion_id_fkey" FOREIGN KEY ("motion_id") REFERENCES "motion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "motion_proposal" ADD CONSTRAINT "motion_proposal_motion_id_fkey" FOREIGN KEY ("motion_id") REFERENCES "motion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_document" ADD CONSTRAINT "case_document_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_document" ADD CONSTRAINT "case_document_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_document_file" ADD CONSTRAINT "case_document_file_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "case_document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_document_file" ADD CONSTRAINT "case_document_file_blob_sha256_fkey" FOREIGN KEY ("blob_sha256") REFERENCES "blob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deadline" ADD CONSTRAINT "deadline_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The audit log names the case an event belongs to (the case page's history).
ALTER TABLE "audit_event" ADD COLUMN "case_id" UUID;

-- CreateIndex
CREATE INDEX "audit_event_case_id_seq_idx" ON "audit_event"("case_id", "seq");

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
