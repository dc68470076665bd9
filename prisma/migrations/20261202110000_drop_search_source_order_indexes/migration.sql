-- Search (/sok) now walks the newest readable cases, not each source in its own order
-- (20261202100000_search_access_order): nothing reads these any more, and every insert paid for them.

-- DropIndex
DROP INDEX "case_document_file_created_at_id_idx";

-- DropIndex
DROP INDEX "motion_created_at_id_idx";
