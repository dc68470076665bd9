-- Committees of every kind (kommunfullmäktige … beredning), utskott and beredningar under a
-- parent committee; members with a term of office (mandatperiod) and a phone number for kallelse.
CREATE TYPE "CommitteeKind" AS ENUM ('KOMMUNFULLMAKTIGE', 'KOMMUNSTYRELSE', 'NAMND', 'STADSDELSNAMND', 'UTSKOTT', 'BEREDNING');

ALTER TABLE "committee" ADD COLUMN "kind" "CommitteeKind" NOT NULL DEFAULT 'NAMND';
ALTER TABLE "committee" ADD COLUMN "parent_id" TEXT;
ALTER TABLE "committee" ADD CONSTRAINT "committee_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "committee"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "committee_parent_id_idx" ON "committee"("parent_id");
-- Only an utskott or a beredning belongs to another committee, and never to itself.
ALTER TABLE "committee" ADD CONSTRAINT "committee_parent_kind_check" CHECK (
  ("parent_id" IS NULL OR "kind" IN ('UTSKOTT', 'BEREDNING')) AND ("parent_id" IS NULL OR "parent_id" <> "id")
);

ALTER TABLE "committee_member" ADD COLUMN "phone" TEXT;
ALTER TABLE "committee_member" ADD COLUMN "term_start" DATE;
ALTER TABLE "committee_member" ADD COLUMN "term_end" DATE;

-- Members recorded before terms existed: in office from their committee's first meeting (so
-- that the attendance of past meetings stays valid) or their creation, whichever is earlier;
-- an inactive member's term ended on the day it was last changed.
UPDATE "committee_member" cm SET "term_start" = least(
  cm."created_at"::date,
  coalesce((SELECT min(m."starts_at" AT TIME ZONE 'Europe/Stockholm')::date FROM "meeting" m WHERE m."committee_id" = cm."committee_id"), cm."created_at"::date)
);
UPDATE "committee_member" SET "term_end" = greatest("updated_at"::date, "term_start") WHERE NOT "active";

ALTER TABLE "committee_member" ALTER COLUMN "term_start" SET NOT NULL;
ALTER TABLE "committee_member" DROP COLUMN "active";
ALTER TABLE "committee_member" ADD CONSTRAINT "committee_member_term_check" CHECK ("term_end" IS NULL OR "term_end" >= "term_start");
