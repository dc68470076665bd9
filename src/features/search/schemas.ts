// Search parameters of /sok: the diarium's filters plus case kind and a date range (inkom),
// each validated on its own (see diarium/schemas.ts: an invalid value is dropped and named).
import { CaseKind, CaseStatus } from "@/generated/prisma/enums";
import { isValidIsoDate } from "@/lib/text-schemas";
import { z } from "@/lib/zod";

const ZIsoDateSchema = z.string().refine(isValidIsoDate);

export const SEARCH_MAX_PAGE = 50;

export const ZSearchParamsSchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    namnd: z.string().max(64).optional(),
    ar: z.coerce.number().int().min(1900).max(2200).optional(),
    status: z.enum(CaseStatus).optional(),
    typ: z.enum(CaseKind).optional(),
    handlaggare: z.uuid().optional(),
    klass: z.uuid().optional(),
    fran: ZIsoDateSchema.optional(),
    till: ZIsoDateSchema.optional(),
    sida: z.coerce.number().int().min(1).max(SEARCH_MAX_PAGE).optional(),
  })
  .strict();
export type TSearchParams = z.infer<typeof ZSearchParamsSchema>;
