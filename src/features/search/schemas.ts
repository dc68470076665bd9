// Search parameters of /sok: the diarium's filters plus case kind and a date range (inkom),
// each validated on its own (see diarium/schemas.ts: an invalid value is dropped and named).
import { CaseKind } from "@/generated/prisma/enums";
import { ZDiariumSearchParamsSchema } from "@/features/diarium/schemas";
import { isValidIsoDate } from "@/lib/text-schemas";
import { z } from "@/lib/zod";

const ZIsoDateSchema = z.string().refine(isValidIsoDate);

const SEARCH_MAX_PAGE = 50;

export const ZSearchParamsSchema = ZDiariumSearchParamsSchema.pick({ namnd: true, ar: true, status: true, handlaggare: true, klass: true })
  .extend({
    q: z.string().trim().max(200).optional(),
    typ: z.enum(CaseKind).optional(),
    fran: ZIsoDateSchema.optional(),
    till: ZIsoDateSchema.optional(),
    sida: z.coerce.number().int().min(1).max(SEARCH_MAX_PAGE).optional(),
  })
  .strict();
export type TSearchParams = z.infer<typeof ZSearchParamsSchema>;
