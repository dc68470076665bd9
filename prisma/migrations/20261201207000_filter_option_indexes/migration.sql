-- The diarium's filter choices ask, per handläggare and per class, whether some case of a
-- readable committee or department exists: one index probe each (PostgreSQL 18 skips over the
-- committee for a department). The classification index and the
-- "mina ärenden" index (case_officer_id, status) are prefixes of the new ones.

-- DropIndex
DROP INDEX "case_classification_id_idx";

-- DropIndex
DROP INDEX "case_case_officer_id_status_idx";

-- CreateIndex
CREATE INDEX "case_case_officer_id_status_classification_id_idx" ON "case"("case_officer_id", "status", "classification_id");

-- CreateIndex
CREATE INDEX "case_case_officer_id_committee_id_department_id_idx" ON "case"("case_officer_id", "committee_id", "department_id");

-- CreateIndex
CREATE INDEX "case_classification_id_committee_id_department_id_idx" ON "case"("classification_id", "committee_id", "department_id");
