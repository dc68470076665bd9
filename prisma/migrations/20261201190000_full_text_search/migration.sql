-- Swedish full-text search: a text-search configuration that folds accents before the
-- Swedish stemmer (so "forslag" finds "förslag" and "drogscen" finds "drogscenerna"),
-- and stored tsvector columns, generated from the rows they describe (so no write can
-- forget them), each with a GIN index.

CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION yttra_swedish (COPY = pg_catalog.swedish);
ALTER TEXT SEARCH CONFIGURATION yttra_swedish
    ALTER MAPPING FOR word, hword, hword_part, asciiword, asciihword, hword_asciipart WITH unaccent, swedish_stem;

-- Case: title first, then who sent the remiss and their dnr.
ALTER TABLE "case" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('yttra_swedish'::regconfig, coalesce("title", '')), 'A') ||
    setweight(to_tsvector('yttra_swedish'::regconfig, coalesce("referring_body", '') || ' ' || coalesce("referring_case_number", '')), 'C')
) STORED;
CREATE INDEX "case_search_vector_idx" ON "case" USING GIN ("search_vector");

-- Motion: its title and number ("2024:12").
ALTER TABLE "motion" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('yttra_swedish'::regconfig, coalesce("title", '') || ' ' || coalesce("number", '')), 'A')
) STORED;
CREATE INDEX "motion_search_vector_idx" ON "motion" USING GIN ("search_vector");

-- Handling: its description and sender/recipient.
ALTER TABLE "case_document" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('yttra_swedish'::regconfig, "description"), 'B') ||
    setweight(to_tsvector('yttra_swedish'::regconfig, coalesce("counterpart", '')), 'C')
) STORED;
CREATE INDEX "case_document_search_vector_idx" ON "case_document" USING GIN ("search_vector");

-- The text of an uploaded PDF or DOCX, extracted by the worker after upload.
ALTER TABLE "case_document_file" ADD COLUMN "extracted_text" TEXT;
ALTER TABLE "case_document_file" ADD COLUMN "text_extracted_at" TIMESTAMP(3);
ALTER TABLE "case_document_file" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('yttra_swedish'::regconfig, coalesce("extracted_text", '')), 'D')
) STORED;
CREATE INDEX "case_document_file_search_vector_idx" ON "case_document_file" USING GIN ("search_vector");
-- The worker's sweep: files whose text has not been extracted yet.
CREATE INDEX "case_document_file_text_extracted_at_idx" ON "case_document_file"("text_extracted_at");

-- Statement version: the title, the beslutspunkter and the text of every section (the
-- text nodes of their rich text). Search reads only each statement's current version.
ALTER TABLE "statement_version" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(jsonb_to_tsvector('yttra_swedish'::regconfig, jsonb_path_query_array("content", 'strict $.header.title', '{}', true), '["string"]'), 'A') ||
    setweight(jsonb_to_tsvector('yttra_swedish'::regconfig, jsonb_path_query_array("content", 'strict $.decisionPoints[*].text', '{}', true), '["string"]'), 'B') ||
    setweight(jsonb_to_tsvector('yttra_swedish'::regconfig, jsonb_path_query_array("content", 'strict $.sections[*].body.** ? (@.type == "text").text', '{}', true), '["string"]'), 'D')
) STORED;
CREATE INDEX "statement_version_search_vector_idx" ON "statement_version" USING GIN ("search_vector");
