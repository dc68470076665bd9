-- Generated documents kept as records: the PDF/A of an attested tjänsteutlåtande and of
-- expedierade protokollsutdrag, stored as files of their handlings by the worker.

-- CreateEnum
CREATE TYPE "GeneratedRecordKind" AS ENUM ('STATEMENT', 'EXTRACT');

-- CreateTable
CREATE TABLE "generated_record" (
    "id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "kind" "GeneratedRecordKind" NOT NULL,
    "subject_id" UUID NOT NULL,
    "content_hash" TEXT,
    "file_id" UUID,
    "failure" TEXT,
    "requested_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "generated_record_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "generated_record_file_id_key" ON "generated_record"("file_id");

-- CreateIndex
CREATE UNIQUE INDEX "generated_record_document_id_kind_key" ON "generated_record"("document_id", "kind");

-- CreateIndex
CREATE INDEX "generated_record_file_id_created_at_idx" ON "generated_record"("file_id", "created_at");

-- CreateIndex
CREATE INDEX "generated_record_requested_by_id_idx" ON "generated_record"("requested_by_id");

-- AddForeignKey
ALTER TABLE "generated_record" ADD CONSTRAINT "generated_record_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "case_document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "generated_record" ADD CONSTRAINT "generated_record_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "case_document_file"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "generated_record" ADD CONSTRAINT "generated_record_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
