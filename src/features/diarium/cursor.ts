// Keyset cursors in the URL: base64url JSON of the sort key values and the id of the row
// the page starts after. Decoding never throws: a damaged or forged cursor is `null`
// (the page then starts from the beginning and says so), and its values are validated
// by the caller's schema before they reach a query.
import { z } from "@/lib/zod";

export type CursorPayload = { s: string; k: (string | number | null)[]; id: string };

const ZCursorEnvelopeSchema = z
  .object({
    s: z.string().max(40),
    k: z.array(z.union([z.string().max(40), z.number().int(), z.null()])).max(4),
    id: z.uuid(),
  })
  .strict();

export const encodeCursor = (payload: CursorPayload): string => Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");

export const decodeCursor = (raw: string | undefined): CursorPayload | null => {
  if (!raw || raw.length > 400 || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  try {
    const parsed = ZCursorEnvelopeSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};
