-- Every mail belongs to the municipality whose case or meeting it is about: the outbox
-- (/admin/utkorg) shows a municipality's administrators only their own municipality's mail.
ALTER TABLE "mail_message" ADD COLUMN "municipality_id" TEXT;

-- Mails written before this migration name no municipality. Each is attributed by its
-- recipient when that address belongs to exactly one municipality (a user's roles, a
-- committee member's committee), otherwise to the installation's only municipality.
WITH recipient_municipality AS (
  SELECT lower(u.email) AS address, coalesce(m.municipality_id, c.municipality_id, a.municipality_id, da.municipality_id) AS municipality_id
  FROM "app_user" u
  JOIN "membership" m ON m.user_id = u.id
  LEFT JOIN "committee" c ON c.id = m.committee_id
  LEFT JOIN "administration" a ON a.id = m.administration_id
  LEFT JOIN "department" d ON d.id = m.department_id
  LEFT JOIN "administration" da ON da.id = d.administration_id
  WHERE u.email IS NOT NULL
  UNION
  SELECT lower(cm.email), c.municipality_id
  FROM "committee_member" cm
  JOIN "committee" c ON c.id = cm.committee_id
  WHERE cm.email IS NOT NULL
), unambiguous AS (
  SELECT address, min(municipality_id) AS municipality_id
  FROM recipient_municipality
  GROUP BY address
  HAVING count(DISTINCT municipality_id) = 1
)
UPDATE "mail_message" mm SET municipality_id = un.municipality_id FROM unambiguous un WHERE lower(mm.to_address) = un.address;

UPDATE "mail_message" SET municipality_id = (SELECT id FROM "municipality")
WHERE municipality_id IS NULL AND (SELECT count(*) FROM "municipality") = 1;

-- Guessing would show one municipality's mail to another's administrators: stop instead.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "mail_message" WHERE municipality_id IS NULL) THEN
    RAISE EXCEPTION 'mail_message: % e-postmeddelanden kan inte knytas till en kommun. Sätt municipality_id för dem och kör migreringen igen.',
      (SELECT count(*) FROM "mail_message" WHERE municipality_id IS NULL);
  END IF;
END $$;

ALTER TABLE "mail_message" ALTER COLUMN "municipality_id" SET NOT NULL;

-- CreateIndex
CREATE INDEX "mail_message_municipality_id_created_at_idx" ON "mail_message"("municipality_id", "created_at");

-- AddForeignKey
ALTER TABLE "mail_message" ADD CONSTRAINT "mail_message_municipality_id_fkey" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
