-- Search (/sok) takes each source's candidates from the newest cases the actor may read, one
-- access alternative at a time (readableCaseBranchesSql): a committee's cases walk
-- case_committee_id_created_at_id_idx, and these let a department's cases and a handläggare's
-- own cases be walked newest first too, instead of every case being walked and most dropped.
-- The department index replaces the plain one (its leading column serves the same lookups).
DROP INDEX "case_department_id_idx";
CREATE INDEX "case_department_id_created_at_id_idx" ON "case"("department_id", "created_at", "id");
CREATE INDEX "case_case_officer_id_created_at_id_idx" ON "case"("case_officer_id", "created_at", "id");
