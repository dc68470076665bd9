// Input schemas of the administration pages, shared by the forms and the services.
// All write inputs are `.strict()`: ids of the municipality, versions or counters cannot be smuggled in.
import { CommitteeKind, MemberRole, OpeningItem, Role } from "@/generated/prisma/enums";
import { DEFAULT_DOCUMENT_NUMBER_FORMAT, validateCaseNumberFormat, validateDocumentNumberFormat } from "@/lib/case-number";
import { RESERVED_SLUGS, SLUG_PATTERN } from "@/lib/municipality";
import { isoDateText, optionalText, requiredText } from "@/lib/text-schemas";
import { ZPageNumberSchema } from "@/lib/paging";
import { z } from "@/lib/zod";
import { normalizeUsername, USERNAME_PATTERN, ZNewPassword } from "@/server/auth/schemas";
import type { TUnitType } from "./units";
import { OPENING_ITEM_LABELS, OPENING_ITEMS } from "./committees";

export { UNIT_TYPE_LABELS, UNIT_TYPES, unitKey, type TUnitType } from "./units";

/** Ids of existing rows: bounded so that junk never reaches the database. */
const id = (missing: string) => z.string({ error: missing }).trim().min(1, { error: missing }).max(100, { error: missing });

/** The `updatedAt` the form was rendered with; the write succeeds only if the row still has it. */
/** Ids of uuid rows (users, memberships, classes); anything else cannot exist. */
const uuid = (missing: string) => z.guid({ error: missing });

const expectedUpdatedAt = z.coerce.date({ error: "Sidan är inaktuell. Läs in den på nytt." });

const password = ZNewPassword;

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
  kind: z.enum(CommitteeKind, { error: "Välj typ av organ." }),
  /** The committee an utskott or a beredning belongs to. */
  parentId: id("Välj den nämnd som utskottet eller beredningen hör till.").optional(),
};

const PARENT_ONLY_FOR_SUB = "Bara ett utskott eller en beredning kan höra till en annan nämnd.";

const parentFitsKind = <T extends { kind: CommitteeKind; parentId?: string | undefined }>(value: T, context: z.core.$RefinementCtx<T>) => {
  if (value.parentId && value.kind !== "UTSKOTT" && value.kind !== "BEREDNING") context.addIssue({ code: "custom", path: ["parentId"], message: PARENT_ONLY_FOR_SUB });
};

/**
 * Who prepares the committee's cases: its own kansli (created with it: kommunfullmäktige and
 * kommunstyrelsen register and handle cases without a förvaltning), or a förvaltning that
 * the administrator adds under Förvaltningar.
 */
export const PREPARED_BY = ["OWN_KANSLI", "ADMINISTRATION"] as const;

export const ZCreateCommitteeSchema = z
  .object({ ...committeeFields, preparedBy: z.enum(PREPARED_BY, { error: "Välj vem som bereder ärendena." }) })
  .strict()
  .superRefine(parentFitsKind);
export type TCreateCommittee = z.infer<typeof ZCreateCommitteeSchema>;

/**
 * The standard opening items in agenda order, one choice per place ("openingItems.0", …):
 * empty places are skipped, an item may stand in one place only.
 */
export const ZOpeningItemsSchema = z
  .array(z.enum(OpeningItem, { error: "Välj en standardpunkt i listan." }).optional())
  .max(OPENING_ITEMS.length, { error: `Högst ${OPENING_ITEMS.length} standardpunkter.` })
  .superRefine((items, context) => {
    items.forEach((item, index) => {
      const first = item ? items.indexOf(item) : index;
      if (first < index) context.addIssue({ code: "custom", path: [index], message: `${OPENING_ITEM_LABELS[item!]} är redan vald som punkt ${first + 1}. Välj varje standardpunkt högst en gång.` });
    });
  })
  .transform((items) => items.filter((item) => item !== undefined));

export const ZUpdateCommitteeSchema = z
  .object({
    id: id("Nämnden finns inte."),
    updatedAt: expectedUpdatedAt,
    ...committeeFields,
    /** The committee's meetings are public: their kungörelse goes on the anslagstavla (kommunfullmäktige's always do). */
    publicMeetings: z.boolean().default(false),
    /** Förvaringsplats of its justerade protokoll, as the anslagstavla states it; empty: the förvaltning or kansli. */
    minutesKeptAt: optionalText(200),
    /** Absent: unchanged (the organisation form always sends the list). */
    openingItems: ZOpeningItemsSchema.optional(),
  })
  .strict()
  .superRefine(parentFitsKind);
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

// ─── Committee members ──────────────────────────────────────────────────────

const memberFields = {
  name: requiredText("Ange namn.", 200),
  party: optionalText(50),
  role: z.enum(MemberRole, { error: "Välj roll: ordförande, vice ordförande, ledamot eller ersättare." }),
  termStart: isoDateText("Ange när mandatperioden börjar (ÅÅÅÅ-MM-DD)."),
  termEnd: isoDateText("Ange när mandatperioden slutar (ÅÅÅÅ-MM-DD).").optional(),
  email: email.optional(),
  phone: optionalText(50),
  /** The username of a member who signs in (ordförande, justerare): the form and the import name the account alike. */
  username: optionalText(64),
};

const TERM_ORDER = "Mandatperioden kan inte sluta före den börjar.";

const termInOrder = <T extends { termStart: string; termEnd?: string | undefined }>(value: T, context: z.core.$RefinementCtx<T>) => {
  if (value.termEnd && value.termEnd < value.termStart) context.addIssue({ code: "custom", path: ["termEnd"], message: TERM_ORDER });
};

export const ZCreateMemberSchema = z
  .object({ committeeId: id("Nämnden finns inte."), ...memberFields })
  .strict()
  .superRefine(termInOrder);
export type TCreateMember = z.infer<typeof ZCreateMemberSchema>;

export const ZUpdateMemberSchema = z
  .object({ id: uuid("Ledamoten finns inte."), updatedAt: expectedUpdatedAt, ...memberFields })
  .strict()
  .superRefine(termInOrder);
export type TUpdateMember = z.infer<typeof ZUpdateMemberSchema>;

export const ZEndMemberTermSchema = z
  .object({ id: uuid("Ledamoten finns inte."), updatedAt: expectedUpdatedAt, termEnd: isoDateText("Ange sista dagen på uppdraget (ÅÅÅÅ-MM-DD).") })
  .strict();
export type TEndMemberTerm = z.infer<typeof ZEndMemberTermSchema>;

/** Bound so that a pasted file cannot fill the server's memory: a committee has at most a few hundred members. */
export const MEMBER_CSV_MAX_LENGTH = 200_000;

export const ZImportMembersSchema = z
  .object({
    committeeId: id("Nämnden finns inte."),
    csv: z
      .string({ error: "Välj en CSV-fil eller klistra in innehållet." })
      .trim()
      .min(1, { error: "Välj en CSV-fil eller klistra in innehållet." })
      .max(MEMBER_CSV_MAX_LENGTH, { error: "Filen är för stor (högst 200 000 tecken)." }),
  })
  .strict();
export type TImportMembers = z.infer<typeof ZImportMembersSchema>;

/** One row of an import, checked with the same rules as the form. */
export const ZMemberRowSchema = z.object(memberFields).strict().superRefine(termInOrder);
export type TMemberRow = z.infer<typeof ZMemberRowSchema>;

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

// ─── Municipalities ─────────────────────────────────────────────────────────

const SLUG_RULE = "Små bokstäver a–z, siffror och bindestreck, t.ex. exempelby.";

const slug = z
  .string({ error: "Ange kommunens kortnamn i webbadresser." })
  .trim()
  .min(2, { error: `Minst 2 tecken. ${SLUG_RULE}` })
  .max(40, { error: "Högst 40 tecken." })
  .regex(SLUG_PATTERN, { error: SLUG_RULE })
  .refine((value) => !RESERVED_SLUGS.has(value), { error: "Kortnamnet används redan av Yttra självt. Välj ett annat." });

const publicUrl = z
  .string()
  .trim()
  .max(500, { error: "Högst 500 tecken." })
  .optional()
  .transform((value) => (value ? value : undefined))
  .pipe(z.url({ protocol: /^https?$/, error: "Ange en fullständig webbadress som börjar med https://." }).optional());

/** An uploaded logo; its type and size are checked from the bytes in the service. */
const logo = z.instanceof(File, { error: "Välj en bildfil." }).optional();

const municipalityFields = { name: requiredText("Ange kommunens namn.", 200), publicUrl, logo };

const newMunicipality = { ...municipalityFields, slug };

/**
 * A new municipality and its first administrator: a new user (who gets a one-time password)
 * or an existing user without roles in another municipality.
 */
export const ZCreateMunicipalitySchema = z.discriminatedUnion(
  "adminKind",
  [
    z
      .object({
        ...newMunicipality,
        adminKind: z.literal("NEW"),
        adminUsername: userFields.username,
        adminName: requiredText("Ange administratörens namn.", 200),
        adminEmail: z.email({ error: "Ange administratörens e-postadress." }).max(320, { error: "Högst 320 tecken." }),
      })
      .strict(),
    z.object({ ...newMunicipality, adminKind: z.literal("EXISTING"), adminUsername: userFields.username }).strict(),
  ],
  { error: "Välj om administratören är en ny eller befintlig användare." },
);
export type TCreateMunicipality = z.infer<typeof ZCreateMunicipalitySchema>;

/** Kommunens inställningar: the slug stays (public links and bookmarks point at it). */
export const ZUpdateMunicipalitySchema = z
  .object({ municipalityId: id("Kommunen finns inte."), updatedAt: expectedUpdatedAt, ...municipalityFields, removeLogo: z.boolean() })
  .strict();
export type TUpdateMunicipality = z.infer<typeof ZUpdateMunicipalitySchema>;

/** The admin's list of users in the URL: a part of a name (`q`) and a page (`sida`). */
export const ZUserListSearchParamsSchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    sida: ZPageNumberSchema.optional(),
  })
  .strict();
