-- Keyset indexes for the diarium list's sort orders (measured in bench/diarium-list.bench.ts:
-- without them the list across committees reads and sorts the whole table).

-- CreateIndex
CREATE INDEX "case_created_at_id_idx" ON "case"("created_at", "id");

-- CreateIndex
CREATE INDEX "case_due_date_id_idx" ON "case"("due_date", "id");

-- CreateIndex
CREATE INDEX "case_year_sequence_id_idx" ON "case"("year", "sequence", "id");
