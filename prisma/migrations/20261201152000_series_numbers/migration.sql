-- Handling number format per series ("{number}-{n}" as before, or e.g. "{number}:{n}").
ALTER TABLE "registry_series" ADD COLUMN "document_number_format" TEXT NOT NULL DEFAULT '{number}-{n}';

-- Diarienummer are unique per series, not across the installation: two municipalities (or
-- two committees) may use the same format.
DROP INDEX "case_case_number_key";
CREATE UNIQUE INDEX "case_series_id_case_number_key" ON "case"("series_id", "case_number");
CREATE INDEX "case_case_number_idx" ON "case"("case_number");

-- Historical meetings recorded after the fact.
ALTER TABLE "meeting" ADD COLUMN "historical" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "meeting" ADD COLUMN "historical_approved_on" DATE;
