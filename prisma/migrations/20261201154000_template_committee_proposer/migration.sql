-- Statement templates per committee, and who proposes (förvaltningen, presidiet,
-- kommunstyrelsen …) in headings and decision labels.

-- A committee's own template; null = for the whole municipality.
ALTER TABLE "statement_template" ADD COLUMN "committee_id" TEXT;
ALTER TABLE "statement_template" ADD CONSTRAINT "statement_template_committee_id_fkey" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "statement_template_committee_id_idx" ON "statement_template"("committee_id");

-- The proposer of an agenda item's proposal, in the genitive. Every item before this
-- migration was proposed by the förvaltning.
ALTER TABLE "agenda_item" ADD COLUMN "proposer_genitive" TEXT NOT NULL DEFAULT 'förvaltningens';

-- Headings name the template's proposer through "{proposer}" (its genitive). The templates
-- before this migration had no proposer, i.e. förvaltningen: their headings render the same.
UPDATE "statement_template"
SET "definition" = replace(replace("definition"::text,
  '"Förvaltningens förslag till beslut"', '"{proposer} förslag till beslut"'),
  '"Förvaltningens synpunkter och förslag"', '"{proposer} synpunkter och förslag"')::jsonb;
