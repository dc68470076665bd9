-- A password an administrator gave (a new user, a reset, a municipality's one-time password) is
-- replaced by the user's own at the next login (/byt-losenord).
ALTER TABLE "app_user" ADD COLUMN "password_change_required" BOOLEAN NOT NULL DEFAULT false;
