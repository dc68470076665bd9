// Canonical serialisations for hashing. An attestation (and a justering) records which
// scheme its hash was computed with, so that a verifier — ours or an outside one — can
// recompute it:
//   1  canonicalJson below (hashes made before December 2026): keys sorted, then written in
//      JavaScript's property order, which puts integer-like keys ("2", "10") first in
//      numeric order — not RFC 8785. Kept only to verify what was attested with it.
//   2  RFC 8785, JSON Canonicalization Scheme (the `canonicalize` package): keys in UTF-16
//      code unit order, numbers and strings as ECMAScript writes them. Every new hash.
// Both write dates as ISO strings and bigints as decimal strings, and drop undefined keys;
// the same value always gives the same string, whatever order its keys were built in or
// how it round-tripped through jsonb.
import canonicalize from "canonicalize";

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

export type HashScheme = 1 | 2;
/** The scheme of every new attestation and justering. */
export const CURRENT_HASH_SCHEME: HashScheme = 2;

/** A scheme read from the database; an unknown number fails closed. */
export const asHashScheme = (value: number): HashScheme => {
  if (value === 1 || value === 2) return value;
  throw new Error(`Unknown hash scheme ${value}`);
};

/** Our value types as plain JSON values (dates and bigints as strings, undefined keys gone). */
const toJsonValue = (value: CanonicalValue): unknown => {
  if (value === undefined || value === null) return null;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => toJsonValue(item as CanonicalValue));
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, CanonicalValue>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, item]) => [key, toJsonValue(item)]));
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new Error("canonicalJson: non-finite numbers cannot be hashed");
  }
  return value;
};

/** Scheme 1 (see above). Also the serialisation of the audit chain and of export identifiers. */
export const canonicalJson = (value: CanonicalValue): string => JSON.stringify(toJsonValue(value));

/** Scheme 2: RFC 8785 (JCS). */
export const canonicalJsonRfc8785 = (value: CanonicalValue): string => {
  const text = canonicalize(toJsonValue(value));
  if (text === undefined) throw new Error("canonicalJsonRfc8785: value has no JSON form");
  return text;
};
