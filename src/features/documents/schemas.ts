// Input of "registrera handling", shared by the upload form and the service. The files are
// not part of the schema: they are checked by content in the service (see file-type.ts).
import type { DocumentDirection } from "@/generated/prisma/enums";
import { optionalText } from "@/lib/text-schemas";
import { z } from "@/lib/zod";
import { formatDate } from "@/lib/dates";

export const DOCUMENT_DIRECTIONS = ["INCOMING", "DRAWN_UP", "OUTGOING"] as const satisfies readonly DocumentDirection[];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date "2024-04-25" → UTC midnight (how Prisma writes a Postgres `date`). */
const calendarDate = z
  .string({ error: "Ange handlingens datum." })
  .trim()
  .min(1, { error: "Ange handlingens datum." })
  .regex(ISO_DATE, { error: "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2024-04-25." })
  .refine((value) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), { error: "Datumet finns inte." })
  .refine((value) => value >= "1900-01-01", { error: "Datumet är för långt tillbaka." })
  // A handling is registered when it exists: its date cannot be later than today in Stockholm.
  .refine((value) => value <= formatDate(new Date()), { error: "Handlingens datum kan inte vara senare än i dag." })
  .transform((value) => new Date(`${value}T00:00:00Z`));

export const ZAddDocumentSchema = z
  .object({
    direction: z.enum(DOCUMENT_DIRECTIONS, { error: "Välj om handlingen är inkommande, upprättad eller utgående." }),
    documentDate: calendarDate,
    /** Avsändare (inkommande) or mottagare (utgående); ignored for upprättade handlingar. */
    counterpart: optionalText(200),
    description: z
      .string({ error: "Beskriv handlingen kort." })
      .trim()
      .min(1, { error: "Beskriv handlingen kort." })
      .max(500, { error: "Högst 500 tecken." }),
    /** OSL reference, e.g. "26 kap. 1 § OSL"; set when the handling is confidential. */
    secrecyReference: optionalText(100),
    secrecyReason: optionalText(500),
  })
  .strict()
  .superRefine((input, context) => {
    if (input.direction === "INCOMING" && !input.counterpart) {
      context.addIssue({ code: "custom", path: ["counterpart"], message: "Ange avsändare." });
    }
    if (input.direction === "OUTGOING" && !input.counterpart) {
      context.addIssue({ code: "custom", path: ["counterpart"], message: "Ange mottagare." });
    }
    if (input.secrecyReason && !input.secrecyReference) {
      context.addIssue({ code: "custom", path: ["secrecyReference"], message: "Ange sekretessbestämmelse (till exempel 26 kap. 1 § OSL) eller ta bort skälet." });
    }
  })
  .transform((input) => ({ ...input, counterpart: input.direction === "DRAWN_UP" ? undefined : input.counterpart }));

export type TAddDocumentInput = z.input<typeof ZAddDocumentSchema>;
export type TAddDocument = z.output<typeof ZAddDocumentSchema>;

/** Form field names of the upload request (multipart/form-data). */
export const ADD_DOCUMENT_FIELDS = ["direction", "documentDate", "counterpart", "description", "secrecyReference", "secrecyReason"] as const;

/**
 * What a handling picker asks of a case (document-choices.ts): a search (a number or words of a
 * description), or the handlingar of `ids`, chosen but not yet shown (another's choice kept
 * after a conflict).
 */
export const ZFindDocumentChoicesSchema = z
  .object({
    caseId: z.uuid({ error: "Ärendet finns inte." }),
    query: z.string().trim().max(200, { error: "Sök med högst 200 tecken." }).optional(),
    ids: z.array(z.uuid({ error: "Handlingen finns inte." })).min(1).max(200).optional(),
  })
  .strict()
  .refine((input) => (input.query === undefined) !== (input.ids === undefined), { error: "Ange antingen en sökning eller handlingar." });
