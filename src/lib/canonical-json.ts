// Canonical serialisations for hashing. An attestation (and a justering) records which
// scheme its hash was computed with, so that a verifier — ours or an outside one — can
// recompute it:
//   1  canonicalJson below (hashes made before December 2026): keys sorted, then written in
//      JavaScript's property order, which puts integer-like keys ("2", "10") first in
//      numeric order — not RFC 8785. Kept only to verify what was attested with it.
//   2  RFC 8785, JSON Canonicalization Scheme: keys in UTF-16 code unit order, numbers and
//      strings as ECMAScript writes them. Every new hash. (The tests hold it to the
//      `canonicalize` package, by one of the RFC's authors.)
// Both write dates as ISO strings and bigints as decimal strings, and drop undefined keys;
// the same value always gives the same string, whatever order its keys were built in or
// how it round-tripped through jsonb.
// Values are what jsonb holds (and dates, bigints, undefined): a function or symbol is refused,
// and a hole in an array is written as null (the `canonicalize` package wrote nothing there,
// which is not JSON; jsonb never has holes).

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

const LONE_SURROGATE = /\p{Surrogate}/u;
const ARRAY_INDEX = /^(?:0|[1-9][0-9]{0,9})$/;
/** A key JavaScript orders first, numerically, among an object's properties (an array index). */
const isArrayIndex = (key: string): boolean => ARRAY_INDEX.test(key) && Number(key) < 4294967295;
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** An object's keys in the order the scheme writes them. */
const keysOf = (object: object, scheme: HashScheme): string[] => {
  const keys = Object.keys(object).sort(byCodeUnits);
  if (scheme === 2 || !keys.some(isArrayIndex)) return keys;
  return [...keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b)), ...keys.filter((key) => !isArrayIndex(key))];
};

const writeString = (value: string, scheme: HashScheme): string => {
  if (scheme === 2 && LONE_SURROGATE.test(value)) throw new Error("canonicalJsonRfc8785: a lone surrogate cannot be hashed");
  return JSON.stringify(value);
};

// One pass that writes the string directly: a statement's content is verified (hashed) on
// every view of every list that offers it, and copying each object into a sorted one first
// cost twice the time and most of the garbage.
const write = (value: CanonicalValue, scheme: HashScheme): string => {
  if (value === undefined || value === null) return "null";
  switch (typeof value) {
    case "string":
      return writeString(value, scheme);
    case "number":
      if (!Number.isFinite(value)) throw new Error("canonicalJson: non-finite numbers cannot be hashed");
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      return `"${value.toString()}"`;
  }
  if (typeof value !== "object") throw new Error(`canonicalJson: a ${typeof value} cannot be hashed`);
  if (value instanceof Date) return `"${value.toISOString()}"`;
  if (Array.isArray(value)) {
    let text = "[";
    for (let index = 0; index < value.length; index++) text += (index === 0 ? "" : ",") + write(value[index] as CanonicalValue, scheme);
    return `${text}]`;
  }
  const object = value as { readonly [key: string]: CanonicalValue };
  let text = "";
  for (const key of keysOf(object, scheme)) {
    if (object[key] === undefined) continue;
    text += `${text === "" ? "" : ","}${writeString(key, scheme)}:${write(object[key], scheme)}`;
  }
  return `{${text}}`;
};

/** Scheme 1 (see above). Also the serialisation of the audit chain and of export identifiers. */
export const canonicalJson = (value: CanonicalValue): string => write(value, 1);

/** Scheme 2: RFC 8785 (JCS). */
export const canonicalJsonRfc8785 = (value: CanonicalValue): string => write(value, 2);
