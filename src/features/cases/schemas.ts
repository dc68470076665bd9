// Input of the case forms. The same schemas validate in the browser (before submitting)
// and in the services; `.strict()` refuses smuggled fields such as caseNumber or status.
import { z } from "@/lib/zod";
import { isoDateText, optionalText, requiredText } from "@/lib/text-schemas";
import { todayInStockholm } from "@/lib/dates";

export const CASE_KINDS = ["MOTION_REFERRAL", "MOTION", "AGENCY_REFERRAL", "LETTER", "OTHER"] as const;
export const REFERRAL_KINDS: ReadonlySet<string> = new Set(["MOTION_REFERRAL", "AGENCY_REFERRAL"]);
/** Kinds that carry a motion (its motionärer, att-satser and the one-year watch). */
export const MOTION_KINDS: ReadonlySet<string> = new Set(["MOTION_REFERRAL", "MOTION"]);
/** A motion raised in fullmäktige is registered there or at kommunstyrelsen; another committee registers a remiss of it. */
export const motionCommitteeMessage = (committeeName: string): string =>
  `En motion registreras hos kommunfullmäktige eller kommunstyrelsen. Registrera den hos ${committeeName} som Remiss av motion.`;

const SECRECY_REFERENCE = /^\d{1,2} kap\. \d{1,3} ?[a-z]? §( [\p{L}\d .,]+)?$/u;

/**
 * Motionärer and att-satser may be left empty at registration (the registrar registers with
 * what they have); the case then shows "Komplettera" until both are filled in.
 */
const ZMotionAuthorsSchema = z
  .array(
    z
      .object({
        name: requiredText("Ange motionärens namn.", 200),
        party: z
          .string()
          .trim()
          .regex(/^[\p{L}]{1,10}$/u, { error: "Ange partiets förkortning, till exempel M eller S." })
          .optional(),
      })
      .strict(),
  )
  .max(50, { error: "Högst 50 motionärer." });

/**
 * An att-sats as the statement and the case page quote it, after "… där det föreslås att": a
 * motion's own "att utreda …" is kept as "utreda …", so it never reads "att att utreda".
 */
export const withoutLeadingAtt = (text: string): string => text.replace(/^att\s+/i, "");

const ZMotionProposalsSchema = z
  .array(requiredText("Skriv att-satsen eller ta bort raden.", 2000, { multiline: true }).transform(withoutLeadingAtt))
  .max(30, { error: "Högst 30 att-satser." });

/** A motion lacks motionär or att-sats: the "Komplettera" marker. */
export const motionIncomplete = (counts: { authors: number; proposals: number }): boolean => counts.authors === 0 || counts.proposals === 0;

export const ZMotionSchema = z
  .object({
    number: z
      .string()
      .trim()
      .regex(/^\d{4}:\d{1,4}$/, { error: "Ange motionens nummer som år:löpnummer, till exempel 2024:12." })
      .optional(),
    title: requiredText("Ange motionens rubrik.", 500),
    raisedDate: isoDateText("Ange datum då motionen väcktes."),
    authors: ZMotionAuthorsSchema,
    proposals: ZMotionProposalsSchema,
  })
  .strict();

export const ZConfidentialitySchema = z
  .object({
    reference: z
      .string({ error: "Ange sekretessbestämmelse, till exempel ”26 kap. 1 § OSL”." })
      .trim()
      .max(100, { error: "Högst 100 tecken." })
      .transform((value) => value.replace(/\s+/g, " ").replace(/ ?OSL$/u, ""))
      .refine((value) => SECRECY_REFERENCE.test(value), { error: "Ange sekretessbestämmelse som till exempel ”26 kap. 1 § OSL”." })
      .transform((value) => `${value} OSL`),
    reason: requiredText("Ange skälet till sekretessmarkeringen.", 500, { multiline: true }),
  })
  .strict();

export const ZIncomingDocumentSchema = z
  .object({
    description: requiredText("Beskriv handlingen, till exempel ”Remissunderlag …”.", 500),
    counterpart: optionalText(200),
    documentDate: isoDateText("Ange handlingens datum."),
  })
  .strict();

export const ZRegisterCaseSchema = z
  .object({
    idempotencyKey: z.uuid({ error: "Formuläret saknar sin engångsnyckel. Ladda om sidan och fyll i det igen." }),
    title: requiredText("Ange ärendets rubrik.", 300),
    kind: z.enum(CASE_KINDS, { error: "Välj typ av ärende." }),
    committeeId: z.string({ error: "Välj nämnd." }).min(1, { error: "Välj nämnd." }).max(100),
    departmentId: z.string({ error: "Välj avdelning." }).min(1, { error: "Välj avdelning." }).max(100),
    caseOfficerId: z.uuid({ error: "Välj handläggare." }),
    classificationId: z.uuid({ error: "Välj klassificering i listan." }).optional(),
    referringBody: optionalText(200),
    referringCaseNumber: optionalText(60),
    /** Befintligt diarienummer of a migrated record, read against the series' format instead of taking the next serial. */
    existingCaseNumber: optionalText(60),
    existingNumberReason: optionalText(500),
    receivedDate: isoDateText("Ange datum då ärendet kom in."),
    dueDate: isoDateText("Ange remisstid.").optional(),
    motion: ZMotionSchema.optional(),
    confidentiality: ZConfidentialitySchema.optional(),
    incomingDocument: ZIncomingDocumentSchema.optional(),
  })
  .strict()
  .superRefine((input, context) => {
    const issue = (path: (string | number)[], message: string) => context.addIssue({ code: "custom", path, message });
    const today = todayInStockholm();
    const referral = REFERRAL_KINDS.has(input.kind);
    if (input.receivedDate > today) issue(["receivedDate"], "Datumet då ärendet kom in kan inte ligga i framtiden.");
    if (input.existingCaseNumber && !input.existingNumberReason) {
      issue(["existingNumberReason"], "Ange varför ärendet registreras med ett befintligt diarienummer, t.ex. migrering från tidigare diarium.");
    }
    if (input.existingNumberReason && !input.existingCaseNumber) issue(["existingCaseNumber"], "Ange det befintliga diarienumret eller ta bort skälet.");
    if (input.dueDate && input.dueDate < input.receivedDate) issue(["dueDate"], "Remisstiden kan inte vara före datumet då ärendet kom in.");
    if (referral && !input.dueDate) issue(["dueDate"], "Ange remisstid, det datum då svaret ska vara inne.");
    if (referral && !input.referringBody) issue(["referringBody"], "Ange vem som skickat remissen, till exempel Kommunstyrelsen.");
    if (input.kind === "MOTION_REFERRAL" && !input.motion) issue(["motion"], "Ange vilken motion remissen gäller.");
    if (input.kind === "MOTION" && !input.motion) issue(["motion"], "Ange motionens rubrik och datum då den väcktes.");
    if (!MOTION_KINDS.has(input.kind) && input.motion) issue(["motion"], "Motion anges bara för motion och remiss av motion.");
    if (input.motion && input.motion.raisedDate > input.receivedDate) {
      issue(["motion", "raisedDate"], input.kind === "MOTION" ? "Motionen kan inte ha väckts efter att ärendet kom in." : "Motionen kan inte ha väckts efter att remissen kom in.");
    }
    if (input.incomingDocument && input.incomingDocument.documentDate > today) {
      issue(["incomingDocument", "documentDate"], "Handlingens datum kan inte ligga i framtiden.");
    }
  });

export type TRegisterCase = z.output<typeof ZRegisterCaseSchema>;
export type TRegisterCaseInput = z.input<typeof ZRegisterCaseSchema>;

const text = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};
const optional = (form: FormData, name: string): string | undefined => text(form, name).trim() || undefined;

/** Rows of a repeatable group; empty rows at the end (unused spare rows) are dropped. */
const rows = <T>(form: FormData, prefix: string, read: (index: number) => T, isEmpty: (row: T) => boolean): T[] => {
  const pattern = new RegExp(`^${prefix.replaceAll(".", "\\.")}\\.(\\d+)(\\.|$)`);
  const indexes = [...form.keys()].map((key) => pattern.exec(key)?.[1]).filter((index): index is string => index !== undefined);
  const count = indexes.length > 0 ? Math.max(...indexes.map(Number)) + 1 : 0;
  const result = Array.from({ length: Math.min(count, 100) }, (_, index) => read(index));
  while (result.length > 0 && isEmpty(result[result.length - 1]!)) result.pop();
  return result;
};

/** Motionärer and att-satser of the registration form and of "Komplettera motionen". */
const motionPartiesFromFormData = (form: FormData) => ({
  authors: rows(
    form,
    "motion.authors",
    (index) => ({ name: text(form, `motion.authors.${index}.name`), party: optional(form, `motion.authors.${index}.party`) }),
    (author) => !author.name.trim() && !author.party,
  ),
  proposals: rows(form, "motion.proposals", (index) => text(form, `motion.proposals.${index}`), (proposal) => !proposal.trim()),
});

/** The registration form → the schema's input. Sections that do not apply to the chosen kind are left out. */
export const registerCaseFromFormData = (form: FormData): TRegisterCaseInput => {
  const kind = text(form, "kind") as TRegisterCaseInput["kind"];
  const motion: TRegisterCaseInput["motion"] = MOTION_KINDS.has(kind)
    ? { number: optional(form, "motion.number"), title: text(form, "motion.title"), raisedDate: text(form, "motion.raisedDate"), ...motionPartiesFromFormData(form) }
    : undefined;
  return {
    idempotencyKey: text(form, "idempotencyKey"),
    title: text(form, "title"),
    kind,
    committeeId: text(form, "committeeId"),
    departmentId: text(form, "departmentId"),
    caseOfficerId: text(form, "caseOfficerId"),
    classificationId: optional(form, "classificationId"),
    referringBody: optional(form, "referringBody"),
    referringCaseNumber: optional(form, "referringCaseNumber"),
    existingCaseNumber: optional(form, "existingCaseNumber"),
    existingNumberReason: optional(form, "existingNumberReason"),
    receivedDate: text(form, "receivedDate"),
    dueDate: optional(form, "dueDate"),
    motion,
    confidentiality:
      text(form, "confidential") === "yes"
        ? { reference: text(form, "confidentiality.reference"), reason: text(form, "confidentiality.reason") }
        : undefined,
    incomingDocument:
      text(form, "registerDocument") === "on"
        ? {
            description: text(form, "incomingDocument.description"),
            counterpart: optional(form, "incomingDocument.counterpart"),
            documentDate: text(form, "incomingDocument.documentDate"),
          }
        : undefined,
  };
};

// ─── Changes on the case page ───────────────────────────────────────────────

const caseRef = {
  caseId: z.uuid({ error: "Ärendet finns inte." }),
  version: z.coerce.number({ error: "Läs in sidan på nytt." }).int().min(1),
};

export const ZReassignCaseSchema = z
  .object({ ...caseRef, caseOfficerId: z.uuid({ error: "Välj ny handläggare." }) })
  .strict();

export const ZCloseCaseSchema = z
  .object({ ...caseRef, reason: requiredText("Ange varför ärendet avslutas.", 1000, { multiline: true }) })
  .strict();

export const ZMarkMisregisteredSchema = z
  .object({ ...caseRef, reason: requiredText("Ange varför ärendet är felregistrerat.", 1000, { multiline: true }) })
  .strict();

/** "Komplettera motionen": motionärer and att-satser as they should be now (all rows replaced). */
export const ZCompleteMotionSchema = z.object({ ...caseRef, authors: ZMotionAuthorsSchema, proposals: ZMotionProposalsSchema }).strict();

export const MOTION_PROPOSED_ACTIONS = ["REFER", "ANSWER", "APPROVE", "REJECT", "CONSIDERED_ANSWERED"] as const;

/** The presidium's or kommunstyrelsen's proposal on a motion raised in fullmäktige. */
export const ZMotionProposalSchema = z
  .object({
    ...caseRef,
    proposedAction: z.enum(MOTION_PROPOSED_ACTIONS, { error: "Välj vad som föreslås." }),
    proposedBy: requiredText("Ange vem som föreslår, till exempel Presidiet eller Kommunstyrelsen.", 200),
    proposedTo: optionalText(500),
    proposedDate: isoDateText("Ange datum för förslaget."),
  })
  .strict()
  .superRefine((input, context) => {
    if (input.proposedAction === "REFER" && !input.proposedTo) {
      context.addIssue({ code: "custom", path: ["proposedTo"], message: "Ange vart motionen föreslås remitteras." });
    }
    if (input.proposedAction !== "REFER" && input.proposedTo) {
      context.addIssue({ code: "custom", path: ["proposedTo"], message: "Remissinstanser anges bara när motionen föreslås remitteras." });
    }
    if (input.proposedDate > todayInStockholm()) context.addIssue({ code: "custom", path: ["proposedDate"], message: "Datumet kan inte ligga i framtiden." });
  });

export type TReassignCase = z.output<typeof ZReassignCaseSchema>;
export type TCompleteMotion = z.output<typeof ZCompleteMotionSchema>;
export type TMotionProposal = z.output<typeof ZMotionProposalSchema>;
export type TCloseCase = z.output<typeof ZCloseCaseSchema>;
export type TMarkMisregistered = z.output<typeof ZMarkMisregisteredSchema>;

export const completeMotionFromFormData = (form: FormData) => ({
  caseId: text(form, "caseId"),
  version: text(form, "version"),
  ...motionPartiesFromFormData(form),
});

export const caseChangeFromFormData = (form: FormData): Record<string, string> =>
  Object.fromEntries(
    [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string" && !entry[0].startsWith("$ACTION")),
  );
