// Input of the remiss forms and services (sending, receiving, answers, remisstid). The same
// schemas validate in the browser and in the services; `.strict()` keeps status, version
// bumps and answer links out of reach of a crafted request.
import { z } from "@/lib/zod";
import { isoDateText, optionalText, requiredText } from "@/lib/text-schemas";

const uuid = (missing: string) => z.uuid({ error: missing });
const isoDate = (missing: string) => isoDateText(missing, { min: "2000-01-01" });
const version = z.coerce.number({ error: "Versionen saknas. Läs in sidan på nytt." }).int().min(1);

export const REFERRAL_POSITIONS = ["SUPPORTS", "OPPOSES", "SUPPORTS_WITH_CHANGES", "ABSTAINS", "NO_COMMENTS"] as const;
const position = z.enum(REFERRAL_POSITIONS, { error: "Välj ställningstagande." });
const summary = optionalText(2000, { multiline: true });

const ZInternalRecipientSchema = z
  .object({ kind: z.literal("INTERNAL"), committeeId: z.string().min(1).max(100), dueDate: isoDate("Ange remisstid.") })
  .strict();
const ZExternalRecipientSchema = z
  .object({
    kind: z.literal("EXTERNAL"),
    name: requiredText("Ange remissinstansens namn.", 200),
    email: z.email({ error: "Ange en giltig e-postadress till remissinstansens registratur." }).max(320, { error: "Högst 320 tecken." }),
    dueDate: isoDate("Ange remisstid."),
  })
  .strict();

/** Days before / after the remisstid an unanswered instans is reminded (0: no such reminder). */
const reminderDays = (fallback: number) =>
  z.coerce
    .number({ error: "Ange antal dagar med siffror." })
    .int({ error: "Ange ett helt antal dagar." })
    .min(0, { error: "Ange 0 eller fler dagar." })
    .max(90, { error: "Högst 90 dagar." })
    .default(fallback);

export const ZSendReferralSchema = z
  .object({
    caseId: uuid("Ärende saknas."),
    letterMode: z.enum(["PER_RECIPIENT", "SHARED"], { error: "Välj hur utskicket registreras." }),
    sentDate: isoDate("Ange datum för utskicket."),
    text: requiredText("Skriv missivets text.", 8000, { multiline: true }),
    documentIds: z.array(uuid("Okänd handling.")).max(30, { error: "Högst 30 handlingar." }).default([]),
    recipients: z
      .array(z.discriminatedUnion("kind", [ZInternalRecipientSchema, ZExternalRecipientSchema]))
      .min(1, { error: "Välj minst en remissinstans." })
      .max(40, { error: "Högst 40 remissinstanser i ett utskick." }),
    reminderDaysBefore: reminderDays(5),
    reminderDaysAfter: reminderDays(1),
  })
  .strict()
  .superRefine((input, context) => {
    const keys = input.recipients.map((recipient) => (recipient.kind === "INTERNAL" ? `c:${recipient.committeeId}` : `e:${recipient.email.toLowerCase()}`));
    if (new Set(keys).size !== keys.length) context.addIssue({ code: "custom", path: ["recipients"], message: "Samma remissinstans står flera gånger." });
    input.recipients.forEach((recipient, index) => {
      if (recipient.dueDate <= input.sentDate) context.addIssue({ code: "custom", path: ["recipients", index, "dueDate"], message: "Remisstiden måste vara efter datumet för utskicket." });
    });
  });
export type TSendReferral = z.output<typeof ZSendReferralSchema>;

export const ZAcceptReferralSchema = z
  .object({
    recipientId: uuid("Remiss saknas."),
    version,
    departmentId: z.string({ error: "Välj avdelning." }).min(1, { error: "Välj avdelning." }).max(100),
    caseOfficerId: uuid("Välj handläggare."),
    classificationId: uuid("Välj klassificering i listan.").optional(),
  })
  .strict();

export const ZReturnReferralSchema = z.object({ recipientId: uuid("Remiss saknas."), version, reason: requiredText("Ange varför remissen skickas tillbaka.", 1000, { multiline: true }) }).strict();

export const ZExtendReferralSchema = z.object({ recipientId: uuid("Remissinstans saknas."), version, dueDate: isoDate("Ange ny remisstid.") }).strict();

export const ZReferralPositionSchema = z.object({ recipientId: uuid("Remissinstans saknas."), version, position, summary }).strict();

/**
 * An external instans' answer: the registrar registers the incoming letter with its files
 * (Registrera handling, the one upload) and then records it against the instans.
 */
export const ZExternalAnswerSchema = z
  .object({ recipientId: uuid("Remissinstans saknas."), version, documentId: uuid("Välj den inkomna handlingen med svaret."), answeredDate: isoDate("Ange datum för svaret."), position, summary })
  .strict();

/** What the receiving committee's secretary says about its answer when dispatching it (optional). */
export const ZDispatchReferralAnswerSchema = z.object({ position, summary }).strict();
