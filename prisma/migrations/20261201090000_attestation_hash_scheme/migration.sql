-- Every attestation request (statements and minutes justering) records the scheme its
-- content hash was computed with (src/lib/canonical-json.ts): 1 = the original key order,
-- 2 = RFC 8785 (JCS). Requests made before this migration are scheme 1 and keep verifying
-- with it; new ones state their scheme explicitly (no default after the backfill).

-- AlterTable
ALTER TABLE "attestation_request" ADD COLUMN "hash_scheme" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "attestation_request" ALTER COLUMN "hash_scheme" DROP DEFAULT;
ALTER TABLE "attestation_request" ADD CONSTRAINT "attestation_request_hash_scheme_check" CHECK ("hash_scheme" IN (1, 2));
