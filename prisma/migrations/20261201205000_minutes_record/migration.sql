-- The justerat protokoll as a whole kept as a record: the meeting's own file (a generated
-- record of kind MINUTES with the meeting instead of a case's handling, its PDF/A stored as
-- a blob), stored by the worker after the justering like the protokollsutdrag.

-- AlterEnum
ALTER TYPE "GeneratedRecordKind" ADD VALUE 'MINUTES';

-- AlterTable
ALTER TABLE "generated_record" ALTER COLUMN "document_id" DROP NOT NULL,
ADD COLUMN "meeting_id" UUID,
ADD COLUMN "blob_sha256" TEXT,
ADD COLUMN "file_name" TEXT;

-- Exactly one owner: a case's handling or a meeting; a meeting's file is a blob, a handling's a file.
ALTER TABLE "generated_record" ADD CONSTRAINT "generated_record_owner_check" CHECK (
  ("document_id" IS NOT NULL AND "meeting_id" IS NULL AND "blob_sha256" IS NULL)
  OR ("document_id" IS NULL AND "meeting_id" IS NOT NULL AND "file_id" IS NULL)
);

-- CreateIndex
CREATE UNIQUE INDEX "generated_record_meeting_id_kind_key" ON "generated_record"("meeting_id", "kind");

-- CreateIndex
CREATE INDEX "generated_record_blob_sha256_idx" ON "generated_record"("blob_sha256");

-- AddForeignKey
ALTER TABLE "generated_record" ADD CONSTRAINT "generated_record_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "generated_record" ADD CONSTRAINT "generated_record_blob_sha256_fkey" FOREIGN KEY ("blob_sha256") REFERENCES "blob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;
