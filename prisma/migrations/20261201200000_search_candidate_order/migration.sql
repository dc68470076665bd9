-- Search (/sok) ranks only the newest matches of each source for a common word, walking the
-- source in this order until it has its candidates (src/features/search/server/search.ts).
-- Files and motions are sparse beside handlingar and cases: walked through their own order,
-- not their handling's or case's, they need not read the rows that have none.
CREATE INDEX "case_document_file_created_at_id_idx" ON "case_document_file"("created_at", "id");
CREATE INDEX "motion_created_at_id_idx" ON "motion"("created_at", "id");
