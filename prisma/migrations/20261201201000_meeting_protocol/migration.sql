-- The protokoll as secretariats write it: övriga närvarande (tjänstemän and others who are
-- not members: name and role) and the time and place of justering, recorded on the meeting.
ALTER TABLE "meeting" ADD COLUMN "other_attendees" JSONB NOT NULL DEFAULT '[]';
ALTER TABLE "meeting" ADD COLUMN "justering_at" TIMESTAMP(3);
ALTER TABLE "meeting" ADD COLUMN "justering_place" TEXT;
