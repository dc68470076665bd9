import { z } from "@/lib/zod";

export const ZMarkNotificationsReadSchema = z.object({ ids: z.union([z.literal("ALL"), z.array(z.uuid()).max(100)]) }).strict();
