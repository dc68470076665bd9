-- Search by the sender's dnr ("KS 2024/312" typed as "2024-312" or "312/2024"): a regular
-- expression on referring_case_number, answered from a trigram index instead of a scan.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "case_referring_case_number_idx" ON "case" USING GIN ("referring_case_number" gin_trgm_ops);
