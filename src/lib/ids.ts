// Ids in URLs and forms are UUIDs; anything else names nothing, so a query can answer
// "not found" before asking the database (which would reject it with an error).
import { z } from "@/lib/zod";

const ZUuid = z.uuid();

export const isUuid = (value: string): boolean => ZUuid.safeParse(value).success;
