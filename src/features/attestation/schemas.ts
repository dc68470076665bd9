// Inputs of the attestation actions; the same schemas drive the forms and the services.
import { z } from "@/lib/zod";

const uuid = z.uuid({ error: "Ogiltig identitet." });

export const ZSendForAttestationSchema = z
  .object({
    caseId: uuid,
    order: z.enum(["SEQUENTIAL", "PARALLEL"]),
    /** Attesters in the order they attest (sequential) — ids of holders of the attesting roles. */
    attesterIds: z
      .array(uuid)
      .min(1, { error: "Välj minst en attestant." })
      .max(6, { error: "Högst sex attestanter." })
      .refine((ids) => new Set(ids).size === ids.length, { error: "Samma person kan inte attestera två gånger." }),
    /** The version the sender looked at; a newer save in between is a conflict. */
    versionNumber: z.coerce.number().int().min(1),
  })
  .strict();
export type TSendForAttestation = z.infer<typeof ZSendForAttestationSchema>;

export const ZAttestSchema = z
  .object({
    stepId: uuid,
    /** The hash the attester saw on screen: a version swapped under them is refused. */
    contentHash: z.string().regex(/^[0-9a-f]{64}$/, { error: "Ogiltig kontrollsumma." }),
    /** Asked for when the last login is older than five minutes. */
    password: z.string().max(1024).optional(),
  })
  .strict();
export type TAttest = z.infer<typeof ZAttestSchema>;

export const ZReturnSchema = z
  .object({
    stepId: uuid,
    comment: z.string().trim().min(1, { error: "Skriv en kommentar om vad som behöver ändras." }).max(4000),
  })
  .strict();
export type TReturn = z.infer<typeof ZReturnSchema>;

export const ZWithdrawSchema = z
  .object({
    caseId: uuid,
    reason: z.string().trim().min(1, { error: "Ange varför attesteringen återkallas." }).max(2000),
  })
  .strict();
export type TWithdraw = z.infer<typeof ZWithdrawSchema>;

/** Codes are printed as XXXX-XXXX-XXXX; people type them with or without dashes and in any case. */
export const normaliseVerificationCode = (raw: string): string => {
  const compact = raw.toUpperCase().replace(/[^0-9A-Z]/g, "");
  return compact.match(/.{1,4}/g)?.join("-") ?? "";
};

export const ZVerificationCodeSchema = z
  .string()
  .trim()
  .transform(normaliseVerificationCode)
  .pipe(z.string().regex(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/, { error: "Koden består av tolv tecken, till exempel ABCD-EFGH-JKLM." }));
