// A stable serialisation for hashing: object keys sorted, no whitespace, dates as ISO
// strings, bigints as decimal strings. The same value always gives the same string,
// whatever order its keys were built in or how it round-tripped through jsonb.
export type CanonicalValue =
  | string
  | number
  | boolean
  | null
  | bigint
  | Date
  | undefined
  | readonly CanonicalValue[]
  | { readonly [key: string]: CanonicalValue };

const canonicalize = (value: CanonicalValue): unknown => {
  if (value === undefined || value === null) return null;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => canonicalize(item as CanonicalValue));
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, CanonicalValue>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, item]) => [key, canonicalize(item)]));
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new Error("canonicalJson: non-finite numbers cannot be hashed");
  }
  return value;
};

export const canonicalJson = (value: CanonicalValue): string => JSON.stringify(canonicalize(value));
