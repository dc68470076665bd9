-- The minutes keep the canonical content they were sent for justering with: justerade
-- minutes are a fixed document, not a view of rows that may later change (a member renamed).
-- Minutes sent before this migration have none; they are read from the rows as before.

-- AlterTable
ALTER TABLE "minutes" ADD COLUMN "content" JSONB;
