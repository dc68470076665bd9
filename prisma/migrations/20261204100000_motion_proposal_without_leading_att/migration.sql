-- An att-sats is quoted after "… där det föreslås att" (the statement) and "Motionären yrkar att"
-- (the case page); the form now keeps it without the motion's own leading "att"
-- (withoutLeadingAtt in src/features/cases/schemas.ts). Att-satser registered before are kept the same way.
UPDATE "motion_proposal" SET "text" = regexp_replace("text", '^att\s+', '', 'i'), "updated_at" = now() WHERE "text" ~* '^att\s';
