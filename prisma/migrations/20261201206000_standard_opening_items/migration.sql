-- Standard opening items per committee (upprop, val av justerare och tid för justering,
-- godkännande av dagordningen): a new meeting's föredragningslista starts with them and the
-- protokoll gives them §§ like every other item.

-- CreateEnum
CREATE TYPE "OpeningItem" AS ENUM ('ROLL_CALL', 'CHECKER_ELECTION', 'AGENDA_APPROVAL');

-- AlterEnum
ALTER TYPE "AgendaItemKind" ADD VALUE 'OPENING';

-- AlterTable
ALTER TABLE "committee" ADD COLUMN "opening_items" "OpeningItem"[] NOT NULL DEFAULT ARRAY[]::"OpeningItem"[];
ALTER TABLE "agenda_item" ADD COLUMN "opening_item" "OpeningItem";

-- Committees that exist already get the usual three; a committee created later gets them from
-- the administration (createCommittee), and the administrator may change or empty the list.
UPDATE "committee" SET "opening_items" = ARRAY['ROLL_CALL', 'CHECKER_ELECTION', 'AGENDA_APPROVAL']::"OpeningItem"[];
