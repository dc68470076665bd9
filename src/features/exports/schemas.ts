// Inputs of the export downloads (query string of the route handler).
import { z } from "@/lib/zod";

export const EXPORT_FORMATS = ["pdf", "docx"] as const;

export const ZExportQuerySchema = z
  .object({
    statementId: z.uuid(),
    format: z.enum(EXPORT_FORMATS),
    /** "public": a confidential case's protected text is replaced by "Sekretess enligt …". */
    variant: z.enum(["internal", "public"]).default("internal"),
  })
  .strict();
export type TExportQuery = z.infer<typeof ZExportQuerySchema>;
