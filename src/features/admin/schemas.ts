// Input schemas of the administration pages, shared by the forms and the services.
// All write inputs are `.strict()`: ids of the municipality, versions or counters cannot be smuggled in.
import { Role } from "@/generated/prisma/enums";
import { DEFAULT_DOCUMENT_NUMBER_FORMAT, validateCaseNumberFormat, validateDocumentNumberFormat } from "@/lib/case-number";
import { optionalText, requiredText } from "@/lib/text-schemas";
import { z } from "@/lib/zod";
import { MIN_PASSWORD_LENGTH } from "@/server/auth/password";
import { normalizeUsername, USERNAME_PATTERN } from "@/server/auth/schemas";
import type { TUnitType } from "./units";

export { UNIT_TYPE_LABELS, UNIT_TYPES, unitKey, type TUnitType } from "./units";

/** Ids of existing rows: bounded so that junk never reaches the database. */
const id = (missing: string) => z.string({ error: missing }).trim().min(1, { error: missing }).max(100, { error: missing });

/** The `updatedAt` the form was rendered with; the write succeeds only if the row still has it. */
/** Ids of uuid rows (users, memberships, classes); anything else cannot exist. */
const uuid = (missing: string) => z.guid({ error: missing });

const expectedUpdatedAt = z.coerce.date({ error: "Sidan är inaktuell. Läs in den på nytt." });

const password = z
  .string({ error: `Ange ett lösenord med minst ${MIN_PASSWORD_LENGTH} tecken.` })
  .min(MIN_PASSWORD_LENGTH, { error: `Lösenordet måste ha minst ${MIN_PASSWORD_LENGTH} tecken.` })
  .max(1024, { error: "Högst 1024 tecken." });

const email = z.email({ error: "Ange en giltig e-postadress." }).max(320, { error: "Högst 320 tecken." });

// ─── Users ──────────────────────────────────────────────────────────────────

const userFields = {
  username: z
    .string({ error: "Ange ett användarnamn." })
    .max(64, { error: "Högst 64 tecken." })
    .transform(normalizeUsername)
    .pipe(z.string().regex(USERNAME_PATTERN, { error: "2–64 tecken: små bokstäver a–z, siffror, punkt, bindestreck eller understreck." })),
  name: requiredText("Ange namn.", 200),
  title: optionalText(200),
  phone: optionalText(50),
  email: email.optional(),
};

export const ZCreateUserSchema = z
  .object({
    ...userFields,
    password: password.optional(),
  })
  .strict();

export type TCreateUser = z.infer<typeof ZCreateUserSchema>;

const UNIT_KEY_PATTERN = /^(MUNICIPALITY|COMMITTEE|ADMINISTRATION|DEPARTMENT):([^\s:]+)$/;

/** Kept a string (no transform) so that parsing an already parsed input gives the same result. */
const ZUnitKey = z.string({ error: "Välj en enhet." }).max(120, { error: "Välj en enhet." }).regex(UNIT_KEY_PATTERN, { error: "Välj en enhet." });

export const parseUnitKey = (key: string): { type: TUnitType; id: string } => {
  const match = UNIT_KEY_PATTERN.exec(key);
  if (!match) throw new Error(`Not a unit key: ${key}`);
  return { type: match[1] as TUnitType, id: match[2]! };
};

const ZRole = z.enum(Role, { error: "Välj en roll." });

/** The admin form: a password is required and the user gets a first role, so they belong to a municipality. */
export const ZAdminCreateUserSchema = z
  .object({
    ...userFields,
    password,
    role: ZRole,
    unit: ZUnitKey,
  })
  .strict();
export type TAdminCreateUser = z.infer<typeof ZAdminCreateUserSchema>;

export const ZUpdateUserProfileSchema = z
  .object({
    userId: uuid("Användaren finns inte."),
    updatedAt: expectedUpdatedAt,
    name: requiredText("Ange namn.", 200),
    title: optionalText(200),
    phone: optionalText(50),
    email: email.optional(),
  })
  .strict();
export type TUpdateUserProfile = z.infer<typeof ZUpdateUserProfileSchema>;

export const ZSetUserDisabledSchema = z.object({ userId: uuid("Användaren finns inte."), disabled: z.boolean() }).strict();

export const ZResetPasswordSchema = z.object({ userId: uuid("Användaren finns inte."), password }).strict();

export const ZAddMembershipSchema = z.object({ userId: uuid("Användaren finns inte."), role: ZRole, unit: ZUnitKey }).strict();
export type TAddMembership = z.infer<typeof ZAddMembershipSchema>;

export const ZRemoveMembershipSchema = z.object({ membershipId: uuid("Rollen finns inte.") }).strict();

// ─── Organisation ───────────────────────────────────────────────────────────

const committeeFields = {
  name: requiredText("Ange nämndens namn.", 200),
  shortName: requiredText("Ange en förkortning, t.ex. HÄS.", 20),
};

export const ZCreateCommitteeSchema = z.object(committeeFields).strict();
export type TCreateCommittee = z.infer<typeof ZCreateCommitteeSchema>;

export const ZUpdateCommitteeSchema = z.object({ id: id("Nämnden finns inte."), updatedAt: expectedUpdatedAt, ...committeeFields }).strict();
export type TUpdateCommittee = z.infer<typeof ZUpdateCommitteeSchema>;

export const ZCreateAdministrationSchema = z
  .object({ name: requiredText("Ange förvaltningens namn.", 200), committeeId: id("Välj den nämnd som förvaltningen arbetar åt.") })
  .strict();
export type TCreateAdministration = z.infer<typeof ZCreateAdministrationSchema>;

export const ZCreateDepartmentSchema = z
  .object({ name: requiredText("Ange avdelningens namn.", 200), administrationId: id("Välj förvaltning.") })
  .strict();
export type TCreateDepartment = z.infer<typeof ZCreateDepartmentSchema>;

/** Administrations and departments are renamed only; moving them would move their cases and roles. */
export const ZRenameUnitSchema = z.object({ id: id("Enheten finns inte."), updatedAt: expectedUpdatedAt, name: requiredText("Ange namn.", 200) }).strict();
export type TRenameUnit = z.infer<typeof ZRenameUnitSchema>;

// ─── Registry series ────────────────────────────────────────────────────────

/** A number template checked by its rule in src/lib/case-number.ts (the form shows the same message). */
const numberTemplate = (missing: string, max: number, tooLong: string, validate: (value: string) => string | null) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(max, { error: tooLong })
    .superRefine((value, context) => {
      const problem = validate(value);
      if (problem) context.addIssue({ code: "custom", message: problem });
    });

const seriesFields = {
  name: requiredText("Ange seriens namn.", 200),
  format: numberTemplate("Ange ett format, t.ex. {prefix} {year}/{seq}.", 60, "Formatet får vara högst 60 tecken.", validateCaseNumberFormat),
  prefix: z.string({ error: "Ange ett prefix." }).trim().max(20, { error: "Högst 20 tecken." }),
  seqPadding: z.coerce
    .number({ error: "Ange ett heltal 0–10." })
    .int({ error: "Ange ett heltal 0–10." })
    .min(0, { error: "Ange ett heltal 0–10." })
    .max(10, { error: "Ange ett heltal 0–10." }),
  documentNumberFormat: numberTemplate("Ange handlingsnumrets format, t.ex. {number}-{n}.", 30, "Handlingsnumret får vara högst 30 tecken.", validateDocumentNumberFormat).default(
    DEFAULT_DOCUMENT_NUMBER_FORMAT,
  ),
};

export const ZCreateRegistrySeriesSchema = z.object({ committeeId: id("Välj nämnd."), ...seriesFields }).strict();
export type TCreateRegistrySeries = z.infer<typeof ZCreateRegistrySeriesSchema>;

export const ZUpdateRegistrySeriesSchema = z.object({ id: id("Diarieserien finns inte."), updatedAt: expectedUpdatedAt, ...seriesFields }).strict();
export type TUpdateRegistrySeries = z.infer<typeof ZUpdateRegistrySeriesSchema>;

/** A serial counter starts where the registry is (a registry that starts mid-year, or migrates). */
export const ZSetNextSerialSchema = z
  .object({
    seriesId: id("Diarieserien finns inte."),
    year: z.coerce.number({ error: "Ange år, t.ex. 2026." }).int({ error: "Ange år, t.ex. 2026." }).min(1900, { error: "Ange år, t.ex. 2026." }).max(2100, { error: "Ange år, t.ex. 2026." }),
    nextSerial: z.coerce
      .number({ error: "Ange nästa löpnummer som ett heltal." })
      .int({ error: "Ange nästa löpnummer som ett heltal." })
      .min(1, { error: "Löpnumret börjar på 1." })
      .max(9_999_999, { error: "Löpnumret är för stort." }),
  })
  .strict();
export type TSetNextSerial = z.infer<typeof ZSetNextSerialSchema>;

// ─── KLASSA ─────────────────────────────────────────────────────────────────

export const CLASSIFICATION_CODE_PATTERN = /^\d+(\.\d+){0,4}$/;

export const ZCreateClassificationSchema = z
  .object({
    code: z
      .string({ error: "Ange en kod, t.ex. 1.5.1." })
      .trim()
      .max(30, { error: "Koden ska vara siffror med punkter, t.ex. 1.5.1 (högst fem nivåer)." })
      .regex(CLASSIFICATION_CODE_PATTERN, { error: "Koden ska vara siffror med punkter, t.ex. 1.5.1 (högst fem nivåer)." }),
    title: requiredText("Ange en rubrik.", 300),
  })
  .strict();
export type TCreateClassification = z.infer<typeof ZCreateClassificationSchema>;

/** The code is fixed once created: cases refer to the class, and a new code would change what they were filed under. */
export const ZUpdateClassificationSchema = z
  .object({ id: uuid("Klassen finns inte."), updatedAt: expectedUpdatedAt, title: requiredText("Ange en rubrik.", 300), active: z.boolean() })
  .strict();
export type TUpdateClassification = z.infer<typeof ZUpdateClassificationSchema>;
