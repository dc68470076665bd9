-- The municipality's digital anslagstavla: which committees' meetings are public (their
-- kungörelse is posted; kommunfullmäktige's always are) and where each committee keeps its
-- justerade protokoll (förvaringsplats; null: its förvaltning or kansli).
ALTER TABLE "committee" ADD COLUMN "public_meetings" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "committee" ADD COLUMN "minutes_kept_at" TEXT;

-- The anslagstavla lists the minutes posted (anslagna) in a municipality by date.
CREATE INDEX "minutes_posted_date_idx" ON "minutes"("posted_date");
