-- The minutes keep the canonical content they were sent for justering with: justerade
-- minutes are a fixed document, not a view of rows that may later change (a member renamed).
-- Minutes sent before this migration have none. They are still shown (built from the rows),
-- but the attestation engine does not fall back to their content_hash column: without the
-- snapshot there is nothing to verify the justering against, so they count as not justerade
-- and their protokoll and extracts are not exported with a justering.

-- AlterTable
ALTER TABLE "minutes" ADD COLUMN "content" JSONB;
