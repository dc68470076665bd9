-- "Mina ärenden" reads a handläggare's open cases in remisstid order straight from this index
-- (listMyOpenCases), instead of walking every open case by remisstid.

-- CreateIndex
CREATE INDEX "case_case_officer_id_status_due_date_created_at_id_idx" ON "case"("case_officer_id", "status", "due_date", "created_at", "id");
