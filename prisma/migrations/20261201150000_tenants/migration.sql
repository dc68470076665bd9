-- Municipalities as tenants: a public short name (slug) for the per-municipality public
-- pages (/<slug>/offentligt-diarium), the municipality's website and logo, and the
-- installation administrator who creates municipalities.
ALTER TABLE "municipality" ADD COLUMN "slug" TEXT;
ALTER TABLE "municipality" ADD COLUMN "public_url" TEXT;
ALTER TABLE "municipality" ADD COLUMN "logo_sha256" TEXT;

-- Existing municipalities keep their id as slug when it already is one ("stockholm").
UPDATE "municipality"
   SET "slug" = CASE WHEN "id" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' THEN "id" ELSE 'kommun-' || substr(md5("id"), 1, 8) END;

ALTER TABLE "municipality" ALTER COLUMN "slug" SET NOT NULL;
ALTER TABLE "municipality" ADD CONSTRAINT "municipality_slug_format_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
CREATE UNIQUE INDEX "municipality_slug_key" ON "municipality"("slug");
CREATE INDEX "municipality_logo_sha256_idx" ON "municipality"("logo_sha256");
ALTER TABLE "municipality" ADD CONSTRAINT "municipality_logo_sha256_fkey" FOREIGN KEY ("logo_sha256") REFERENCES "blob"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "app_user" ADD COLUMN "installation_admin" BOOLEAN NOT NULL DEFAULT false;
