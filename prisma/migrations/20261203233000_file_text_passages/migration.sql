-- A file's extracted text in passages of at most a page (src/lib/passages.ts), each with its
-- own search vector, instead of one text and vector per file: ts_headline and ts_rank_cd read
-- all the text they are given (about 0.2 ms per 1 000 characters), so a hit in a 500-page
-- budget cost 100 ms to quote; a passage costs at most about 0.6 ms, and says its PDF page.
-- A passage carries its handling and case (a file never changes handling, nor a handling case),
-- so that search for a common word walks the passages of the newest cases instead of all their
-- handlingar, of which one in twenty has a file (32 → 3 ms for "trygghet" at 100 000 cases), and
-- plans it without the file (2 of the 11 ms it took to plan a search).

-- CreateTable
CREATE TABLE "case_document_file_passage" (
    "file_id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "page" INTEGER,
    "text" TEXT NOT NULL,
    "search_vector" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('yttra_swedish'::regconfig, "text"), 'D')
    ) STORED,

    CONSTRAINT "case_document_file_passage_pkey" PRIMARY KEY ("file_id", "ordinal")
);

-- CreateIndex
CREATE INDEX "case_document_file_passage_case_id_idx" ON "case_document_file_passage"("case_id");

-- CreateIndex
CREATE INDEX "case_document_file_passage_search_vector_idx" ON "case_document_file_passage" USING GIN ("search_vector");

-- AddForeignKey
ALTER TABLE "case_document_file_passage" ADD CONSTRAINT "case_document_file_passage_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "case_document_file"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_document_file_passage" ADD CONSTRAINT "case_document_file_passage_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "case_document"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_document_file_passage" ADD CONSTRAINT "case_document_file_passage_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A text already extracted that fits in one passage becomes that passage. A longer one is
-- extracted again by the worker's sweep (text_extracted_at null), which knows the pages.
INSERT INTO "case_document_file_passage" ("file_id", "document_id", "case_id", "ordinal", "page", "text")
SELECT f."id", d."id", d."case_id", 0, NULL, f."extracted_text" FROM "case_document_file" f JOIN "case_document" d ON d."id" = f."document_id"
 WHERE f."extracted_text" IS NOT NULL AND f."extracted_text" <> '' AND length(f."extracted_text") <= 3000;
UPDATE "case_document_file" SET "text_extracted_at" = NULL WHERE length("extracted_text") > 3000;

-- DropIndex
DROP INDEX "case_document_file_search_vector_idx";

-- AlterTable
ALTER TABLE "case_document_file" DROP COLUMN "search_vector", DROP COLUMN "extracted_text";

-- The planner needs the new table's statistics before the first search.
ANALYZE "case_document_file_passage";
