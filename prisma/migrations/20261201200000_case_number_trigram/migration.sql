-- The public diarium's free text finds a handling by its case number typed in part
-- ("2024/12", "HÄS 2024/123"): ILIKE on case_number, answered from a trigram index instead
-- of a scan of every handling (pg_trgm, migration 20261201190000_search_case_numbers).
CREATE INDEX "case_case_number_trgm_idx" ON "case" USING GIN ("case_number" gin_trgm_ops);
