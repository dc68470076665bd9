// Inputs of the export downloads: the id from the route and the query string.
import { z } from "@/lib/zod";

export const EXPORT_FORMATS = ["pdf", "docx"] as const;
export type TExportFormat = (typeof EXPORT_FORMATS)[number];

const id = z.uuid();
const format = z.enum(EXPORT_FORMATS);

export const ZStatementExportQuerySchema = z
  .object({
    id,
    format,
    /** "public": a confidential case's protected text is replaced by "Sekretess enligt …". */
    variant: z.enum(["internal", "public"]).default("internal"),
    /** A stored version (the attester's "PDF of this version"); default: attested, else current. */
    version: z.coerce.number().int().min(1).max(999_999_999).optional(),
  })
  .strict();
export type TStatementExportQuery = z.infer<typeof ZStatementExportQuerySchema>;

/**
 * Föredragningslista, protokoll and protokollsutdrag. No "public" variant: the meeting read
 * models already mask, per reader, the items of confidential cases that reader may not read
 * (and refuse their extracts); a variant asked for is refused rather than silently ignored.
 * The public's copies have their own routes (/api/offentligt/…), read as the "public" viewer.
 */
export const ZMeetingExportQuerySchema = z.object({ id, format }).strict();
export type TMeetingExportQuery = z.infer<typeof ZMeetingExportQuerySchema>;
