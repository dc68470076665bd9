// Search parameters of the diarium pages. Each parameter is validated on its own: an invalid
// value is dropped (the page shows a notice naming the filter) instead of failing the page,
// so a hand-edited or outdated URL never gives a 500.
import { CaseStatus } from "@/generated/prisma/enums";
import { ZPageNumberSchema } from "@/lib/paging";
import { z } from "@/lib/zod";

export type RawSearchParams = Record<string, string | string[] | undefined>;

export const DIARIUM_SORTS = ["registrerad-nyast", "registrerad-aldst", "remisstid", "diarienummer-fallande", "diarienummer-stigande"] as const;
export type TDiariumSort = (typeof DIARIUM_SORTS)[number];

export const DIARIUM_SORT_LABELS: Record<TDiariumSort, string> = {
  "registrerad-nyast": "Registrerad, nyast först",
  "registrerad-aldst": "Registrerad, äldst först",
  remisstid: "Remisstid, närmast först",
  "diarienummer-fallande": "Diarienummer, fallande",
  "diarienummer-stigande": "Diarienummer, stigande",
};

/** A keyset cursor as it appears in the URL (decoded and checked in cursor.ts and the query). */
const ZCursorParamSchema = z.string().max(400).regex(/^[A-Za-z0-9_-]+$/);
const ZFreeTextSchema = z.string().trim().max(200);

export const ZDiariumSearchParamsSchema = z
  .object({
    namnd: z.string().max(64).optional(),
    ar: z.coerce.number().int().min(1900).max(2200).optional(),
    status: z.enum(CaseStatus).optional(),
    handlaggare: z.uuid().optional(),
    klass: z.uuid().optional(),
    forsenade: z.literal("1").optional(),
    q: ZFreeTextSchema.optional(),
    sortering: z.enum(DIARIUM_SORTS).optional(),
    efter: ZCursorParamSchema.optional(),
    fore: ZCursorParamSchema.optional(),
  })
  .strict();
export type TDiariumSearchParams = z.infer<typeof ZDiariumSearchParamsSchema>;

export const ZPublicDiariumSearchParamsSchema = z
  .object({
    namnd: z.string().max(64).optional(),
    q: ZFreeTextSchema.optional(),
    efter: ZCursorParamSchema.optional(),
    fore: ZCursorParamSchema.optional(),
  })
  .strict();
export type TPublicDiariumSearchParams = z.infer<typeof ZPublicDiariumSearchParamsSchema>;

/** /bevakning's sections in the URL (`avsnitt`), to page through one of them (`sida`). */
export const DEADLINE_SECTION_PARAMS = ["forsenade", "forfaller", "motioner"] as const;

export const ZDeadlineSearchParamsSchema = z
  .object({
    avsnitt: z.enum(DEADLINE_SECTION_PARAMS).optional(),
    sida: ZPageNumberSchema.optional(),
  })
  .strict();

/** A page of one list in the URL (`sida`): a case's handlingar, its händelser. */
export const ZPageSearchParamsSchema = z.object({ sida: ZPageNumberSchema.optional() }).strict();

/** Swedish names of the parameters, for the "ignored filter" notice. */
export const SEARCH_PARAM_LABELS: Record<string, string> = {
  namnd: "nämnd",
  ar: "år",
  status: "status",
  handlaggare: "handläggare",
  klass: "klass",
  forsenade: "endast försenade",
  q: "sökord",
  sortering: "sortering",
  typ: "ärendetyp",
  fran: "inkom från",
  till: "inkom till",
  sida: "sida",
  avsnitt: "avsnitt",
  efter: "sida",
  fore: "sida",
};

export type ParsedSearchParams<T> = { values: T; invalid: string[] };

/**
 * Parses the parameters one by one with the object schema's field schemas. Empty strings
 * (an unselected <select>) mean "not set"; unknown parameters are ignored; repeated ones
 * use the first value.
 */
export const parseSearchParams = <S extends z.ZodObject>(schema: S, raw: RawSearchParams): ParsedSearchParams<z.infer<S>> => {
  const values: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const [key, fieldSchema] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    const rawValue = raw[key];
    const value = Array.isArray(rawValue) ? rawValue[0] : rawValue;
    if (value === undefined || value.trim() === "") continue;
    const parsed = fieldSchema.safeParse(value);
    if (parsed.success) {
      if (parsed.data !== undefined && parsed.data !== "") values[key] = parsed.data;
    } else {
      invalid.push(SEARCH_PARAM_LABELS[key] ?? key);
    }
  }
  // The field schemas have already accepted every value, so the object parse cannot fail.
  return { values: schema.parse(values) as z.infer<S>, invalid: [...new Set(invalid)] };
};

/** Builds a query string from filter values, leaving out empty ones. */
export const toQueryString = (params: Record<string, string | number | undefined | null>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `?${query}` : "";
};

// ─── Medhandläggare (the case page) ─────────────────────────────────────────

export const ZCoOfficerChangeSchema = z
  .object({
    caseId: z.uuid({ error: "Ärendet finns inte." }),
    version: z.coerce.number({ error: "Läs in sidan på nytt." }).int().min(1),
    userId: z.uuid({ error: "Välj medhandläggare." }),
  })
  .strict();

export type TCoOfficerChange = z.output<typeof ZCoOfficerChangeSchema>;
