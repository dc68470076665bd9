// Statement templates, statement content and the inputs of the statement actions.
// Shared by the editor and the services; `.strict()` everywhere so that status,
// version numbers or extra keys cannot be smuggled into stored JSON.
import { isValidIsoDate } from "@/lib/text-schemas";
import { z } from "@/lib/zod";
import { ZRichTextSchema } from "./rich-text";

const NO_CONTROL = /^[^\u0000-\u001f\u007f\u202A-\u202E\u2066-\u2069]*$/u;

const line = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Högst ${max} tecken.` })
    .regex(NO_CONTROL, { error: "Texten innehåller otillåtna styrtecken." });

// ─── Templates ──────────────────────────────────────────────────────────────

export const SECTION_KINDS = ["DECISION_POINTS", "RICH_TEXT", "ATTACHMENTS"] as const;
export type TSectionKind = (typeof SECTION_KINDS)[number];

/** What the service fills a rich-text section with when the statement is created. */
export const PREFILLS = ["NONE", "MOTION", "PREPARATION"] as const;
export type TPrefill = (typeof PREFILLS)[number];

/** Who signs a statement, in the template's order; the names come from the organisation. */
export const SIGNATORY_ROLES = ["DIRECTOR", "DEPARTMENT_HEAD"] as const;
export type TSignatoryRole = (typeof SIGNATORY_ROLES)[number];

export const ZSectionKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, { error: "Nyckeln får bara innehålla a–z, 0–9 och bindestreck." });

/** Keys that name the structured parts of the content; a rich-text section cannot use them. */
export const RESERVED_SECTION_KEYS = new Set(["header", "decision-points", "attachments", "signatories"]);

const templateSectionShape = {
  key: ZSectionKeySchema,
  heading: line(120).min(1, { error: "Ange en rubrik." }),
  kind: z.enum(SECTION_KINDS),
  required: z.boolean(),
  prefill: z.enum(PREFILLS).default("NONE"),
};

export const ZTemplateSectionSchema = z.object(templateSectionShape).strict();

const ZTemplateSignatorySchema = z
  .object({ role: z.enum(SIGNATORY_ROLES), label: line(80).min(1, { error: "Ange en titel." }) })
  .strict();

/**
 * Who proposes the decision: "förvaltningen", "presidiet", "kommunstyrelsen" … as in running
 * text, and its genitive ("presidiets"), which headings ("{proposer} förslag till beslut")
 * and decision labels ("Bifall till presidiets förslag") use. Both are stored: Swedish
 * genitives of noun phrases are not derived reliably ("kommunstyrelsens arbetsutskotts").
 */
export const ZProposerSchema = z
  .object({
    name: line(120).min(1, { error: "Ange förslagsställaren, till exempel presidiet." }),
    genitive: line(120).min(1, { error: "Ange förslagsställaren i genitiv, till exempel presidiets." }),
  })
  .strict();
export type TProposer = z.infer<typeof ZProposerSchema>;

const templateDefinitionShape = {
  /** "{referringBody}" is replaced by the case's referring body, first letter lower-case. */
  subtitle: line(200),
  sections: z.array(ZTemplateSectionSchema).min(1, { error: "Mallen måste ha minst ett avsnitt." }).max(30, { error: "Högst 30 avsnitt." }),
  signatories: z.array(ZTemplateSignatorySchema).max(4, { error: "Högst 4 undertecknare." }),
  /** Absent in templates from before proposers: förvaltningen (content.ts DEFAULT_PROPOSER). */
  proposer: ZProposerSchema.optional(),
};

export const ZTemplateDefinitionSchema = z
  .object(templateDefinitionShape)
  .strict()
  .superRefine((definition, context) => {
    const keys = definition.sections.map((section) => section.key);
    if (new Set(keys).size !== keys.length) context.addIssue({ code: "custom", path: ["sections"], message: "Två avsnitt har samma nyckel." });
    for (const [kind, label] of [["DECISION_POINTS", "Förslag till beslut"], ["ATTACHMENTS", "Bilagor"]] as const) {
      if (definition.sections.filter((section) => section.kind === kind).length > 1) {
        context.addIssue({ code: "custom", path: ["sections"], message: `Avsnittstypen ${label} får bara förekomma en gång i mallen.` });
      }
    }
    definition.sections.forEach((section, index) => {
      if (section.kind === "RICH_TEXT" && RESERVED_SECTION_KEYS.has(section.key)) {
        context.addIssue({ code: "custom", path: ["sections", index, "key"], message: "Nyckeln är reserverad." });
      }
    });
  });

export type TTemplateDefinition = z.infer<typeof ZTemplateDefinitionSchema>;
export type TTemplateSection = z.infer<typeof ZTemplateSectionSchema>;

// ─── Statement content (one StatementVersion.content) ───────────────────────

export const ZStatementHeaderSchema = z
  .object({
    caseNumber: line(60),
    caseOfficerName: line(200),
    caseOfficerPhone: line(40),
    /**
     * The medhandläggare, named after the responsible handläggare. Absent when there are
     * none (so content without them hashes as before they existed).
     */
    coOfficerNames: z.array(line(200).min(1)).min(1).max(20).optional(),
    committeeName: line(200),
    /**
     * The letterhead's förvaltning and avdelning as the statement was written, so that the
     * attested content (and its hash) carries them. Absent in versions written before they
     * were recorded: those are exported with the organisation's current names.
     */
    administrationName: line(200).optional(),
    departmentName: line(200).optional(),
    /** Sammanträdesdatum, ÅÅÅÅ-MM-DD; null until known. */
    meetingDate: z.string().refine(isValidIsoDate, { error: "Ange ett giltigt datum (ÅÅÅÅ-MM-DD)." }).nullable(),
    title: line(300).min(1, { error: "Ange en rubrik." }),
    subtitle: line(200),
  })
  .strict();

export const ZDecisionPointSchema = z
  .object({
    /** The beslutspunkt without the leading "att"; rendered as "att …". */
    text: line(2_000).min(1, { error: "Skriv beslutspunkten eller ta bort den." }),
  })
  .strict();

export const ZAttachmentSchema = z
  .object({
    documentId: z.uuid(),
    /** "HÄS 2024/123-2", copied from the diarium when chosen. */
    number: line(80),
    description: line(500),
  })
  .strict();

export const ZSignatorySchema = z
  .object({
    role: z.enum(["DIRECTOR", "DEPARTMENT_HEAD"]),
    name: line(200),
    title: line(200),
    administration: line(200),
  })
  .strict();

export const ZStatementContentSchema = z
  .object({
    format: z.literal(1),
    header: ZStatementHeaderSchema,
    decisionPoints: z.array(ZDecisionPointSchema).max(50),
    sections: z.array(z.object({ key: ZSectionKeySchema, body: ZRichTextSchema }).strict()).max(30),
    attachments: z.array(ZAttachmentSchema).max(200),
    signatories: z.array(ZSignatorySchema).max(4),
    /** Who proposes, from the template (absent in versions from before proposers: förvaltningen). */
    proposer: ZProposerSchema.optional(),
    /**
     * The Remissammanställning's paragraphs as last generated, per remissinstans: what a refresh
     * compares with (referral-compilation.ts). Absent until the section is created.
     */
    referralCompilation: z
      .array(z.object({ recipientId: z.uuid(), text: z.string().max(4_000) }).strict())
      .max(200)
      .optional(),
  })
  .strict();

export type TStatementContent = z.infer<typeof ZStatementContentSchema>;
export type TStatementHeader = z.infer<typeof ZStatementHeaderSchema>;
export type TDecisionPoint = z.infer<typeof ZDecisionPointSchema>;
export type TAttachment = z.infer<typeof ZAttachmentSchema>;

// ─── Action inputs ──────────────────────────────────────────────────────────

/** The header fields a handläggare edits; case number, committee and officer come from the case. */
export const ZHeaderInputSchema = ZStatementHeaderSchema.pick({ meetingDate: true, title: true, subtitle: true, caseOfficerPhone: true }).strict();
export type THeaderInput = z.infer<typeof ZHeaderInputSchema>;

const saveBase = {
  statementId: z.uuid(),
  /** The version the edited text was based on (optimistic concurrency). */
  baseVersion: z.int().min(1),
};

/** One section's save. `section` is what StatementVersion.changedSection records. */
export const ZSaveSectionSchema = z.discriminatedUnion("kind", [
  z.object({ ...saveBase, kind: z.literal("header"), value: ZHeaderInputSchema }).strict(),
  z.object({ ...saveBase, kind: z.literal("decisionPoints"), value: z.array(ZDecisionPointSchema).max(50) }).strict(),
  z.object({ ...saveBase, kind: z.literal("attachments"), value: z.array(z.uuid()).max(200) }).strict(),
  z.object({ ...saveBase, kind: z.literal("richText"), sectionKey: ZSectionKeySchema, value: ZRichTextSchema }).strict(),
]);
export type TSaveSectionInput = z.infer<typeof ZSaveSectionSchema>;

export const ZCreateStatementSchema = z
  .object({
    caseId: z.uuid(),
    /** Case documents to list under Bilagor. */
    attachmentDocumentIds: z.array(z.uuid()).max(200),
    /** One of the templates offered for the case's committee; absent: the committee's default. */
    templateId: z.uuid().optional(),
  })
  .strict();

export const ZRestoreVersionSchema = z
  .object({ statementId: z.uuid(), number: z.int().min(1), baseVersion: z.int().min(1) })
  .strict();

/**
 * A section as the admin's form sends it. Sections added in the form have no key: the
 * service derives one from the heading (template-keys.ts), so admins never type keys.
 */
export const ZTemplateSectionInputSchema = z.object({ ...templateSectionShape, key: ZSectionKeySchema.optional() }).strict();
export type TTemplateSectionInput = z.infer<typeof ZTemplateSectionInputSchema>;

/**
 * An edited template. `templateId` is the version the admin edited (optimistic
 * concurrency). The rules across sections (one Förslag till beslut, unique keys) are
 * checked by ZTemplateDefinitionSchema once the keys are assigned.
 */
export const ZTemplateEditSchema = z
  .object({
    templateId: z.uuid(),
    name: line(200).min(1, { error: "Ange ett namn." }),
    definition: z
      .object({ ...templateDefinitionShape, sections: z.array(ZTemplateSectionInputSchema).min(1, { error: "Mallen måste ha minst ett avsnitt." }).max(30, { error: "Högst 30 avsnitt." }) })
      .strict(),
  })
  .strict();
export type TTemplateEditInput = z.infer<typeof ZTemplateEditSchema>;

/** "Ny mall": a copy of a template, for the whole municipality or one committee, with its proposer. */
export const ZTemplateCreateSchema = z
  .object({
    basedOnTemplateId: z.uuid({ error: "Välj den mall som den nya ska utgå från." }),
    name: line(200).min(1, { error: "Ange ett namn." }),
    /** Absent: for the whole municipality. */
    committeeId: z.string().min(1).max(100).optional(),
    proposer: ZProposerSchema,
  })
  .strict();
export type TTemplateCreateInput = z.infer<typeof ZTemplateCreateSchema>;

/** "Uppdatera från remissvaren": the Remissammanställning refreshed, with answers to reported conflicts. */
export const ZRefreshReferralCompilationSchema = z
  .object({
    statementId: z.uuid(),
    resolve: z
      .array(z.object({ recipientId: z.uuid(), keep: z.enum(["MINE", "APPEND"]) }).strict())
      .max(200)
      .default([]),
  })
  .strict();
export type TRefreshReferralCompilationInput = z.output<typeof ZRefreshReferralCompilationSchema>;
