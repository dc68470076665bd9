// Ids in URLs and forms are UUIDs; anything else names nothing, so a query can answer
// "not found" before asking the database (which would reject it with an error).
import { z } from "@/lib/zod";

const ZUuid = z.uuid();

export const isUuid = (value: string): boolean => ZUuid.safeParse(value).success;

/**
 * `count` UUIDv7 ids (RFC 9562) that sort in the order given: one timestamp, the position in
 * the 12-bit rand_a field, random bits after. For rows created together whose order matters.
 */
export const orderedUuidV7s = (count: number, now: number = Date.now()): string[] => {
  if (count > 0x1000) throw new Error("orderedUuidV7s: at most 4096 ids at a time");
  const time = now.toString(16).padStart(12, "0");
  return Array.from({ length: count }, (_, index) => {
    const random = crypto.getRandomValues(new Uint8Array(8));
    random[0] = (random[0]! & 0x3f) | 0x80;
    const tail = [...random].map((byte) => byte.toString(16).padStart(2, "0")).join("");
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${index.toString(16).padStart(3, "0")}-${tail.slice(0, 4)}-${tail.slice(4, 16)}`;
  });
};
