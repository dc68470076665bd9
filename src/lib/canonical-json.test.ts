import canonicalize from "canonicalize";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asHashScheme, canonicalJson, canonicalJsonRfc8785, type CanonicalValue } from "./canonical-json";
import { canonicalSha256, sha256Hex } from "./hash";

// The definition the schemes were first written as: a copy with sorted keys, then written by
// JSON.stringify (scheme 1) or by the `canonicalize` package (scheme 2). Every hash already
// recorded was made by it, so the writer must agree with it byte for byte.
const sortedCopy = (value: CanonicalValue): unknown => {
  if (value === undefined || value === null) return null;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => sortedCopy(item as CanonicalValue));
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, CanonicalValue>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, item]) => [key, sortedCopy(item)]));
  }
  return value;
};

// Keys and strings from the whole UTF-16 range (lone surrogates too), integer-like keys, and
// the values a statement's or minutes' content holds.
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const text = fc.oneof(fc.string({ unit: codeUnit }), fc.string({ unit: "grapheme" }), fc.constantFrom("0", "1", "9", "10", "01", "-1", "4294967294", "4294967295", "1e3", ""));
const value: fc.Arbitrary<CanonicalValue> = fc.letrec<{ value: CanonicalValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    text,
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.bigInt(),
    fc.date({ noInvalidDate: true }),
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(text, tie("value"), { maxKeys: 6 }),
  ),
})).value;

const lonelySurrogate = (value: unknown): boolean => {
  if (typeof value === "string") return /\p{Surrogate}/u.test(value);
  if (Array.isArray(value)) return value.some(lonelySurrogate);
  if (value && typeof value === "object") return Object.entries(value).some(([key, item]) => lonelySurrogate(key) || lonelySurrogate(item));
  return false;
};

describe("canonicalJson", () => {
  it("writes every value byte for byte as the sorted copy written by JSON.stringify (hash scheme 1)", () => {
    fc.assert(
      fc.property(value, (input) => {
        expect(canonicalJson(input)).toBe(JSON.stringify(sortedCopy(input)));
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the same string whatever the key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: "x" } })).toBe(canonicalJson({ a: { c: "x", d: [1, 2] }, b: 1 }));
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it("writes dates as ISO strings, bigints as strings and drops undefined keys", () => {
    expect(canonicalJson({ at: new Date("2024-04-25T08:00:00.000Z"), n: 12n, gone: undefined })).toBe(
      '{"at":"2024-04-25T08:00:00.000Z","n":"12"}',
    );
  });

  it("refuses values that have no stable JSON form", () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
  });
});

describe("canonicalJsonRfc8785 (hash scheme 2)", () => {
  it("writes every value byte for byte as the `canonicalize` package writes the sorted copy", () => {
    fc.assert(
      fc.property(value, (input) => {
        const copy = sortedCopy(input);
        if (lonelySurrogate(copy)) expect(() => canonicalJsonRfc8785(input)).toThrow(/lone surrogate/);
        else expect(canonicalJsonRfc8785(input)).toBe(canonicalize(copy));
      }),
      { numRuns: 2000 },
    );
  });

  it("orders keys by UTF-16 code units, integer-like keys included (RFC 8785, 3.2.3)", () => {
    const input = {
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis",
    };
    expect(canonicalJsonRfc8785(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
    expect(canonicalJsonRfc8785({ "9": "nio", "10": "tio", b: 1, a: 2 })).toBe('{"10":"tio","9":"nio","a":2,"b":1}');
  });

  it("writes numbers, strings and literals as RFC 8785's example (3.2.2)", () => {
    const input = {
      numbers: [333333333.33333329, 1e30, 4.5, 2e-3, 0.000000000000000000000000001],
      string: "\u20ac$\u000f\u000aA'\u0042\u0022\u005c\\\"/",
      literals: [null, true, false],
    };
    expect(canonicalJsonRfc8785(input)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"\u20ac$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it("treats dates, bigints and undefined keys like scheme 1, and differs from it only in key order", () => {
    const value = { at: new Date("2024-04-25T08:00:00.000Z"), n: 12n, gone: undefined, text: "Älvsjö" };
    expect(canonicalJsonRfc8785(value)).toBe(canonicalJson(value));
    expect(canonicalJson({ "10": 1, "9": 2 })).toBe('{"9":2,"10":1}');
    expect(canonicalSha256({ "10": 1, "9": 2 }, 2)).toBe(sha256Hex('{"10":1,"9":2}'));
    expect(canonicalSha256({ "10": 1, "9": 2 }, 1)).toBe(sha256Hex('{"9":2,"10":1}'));
  });

  it("refuses an unknown scheme read from the database", () => {
    expect(asHashScheme(1)).toBe(1);
    expect(asHashScheme(2)).toBe(2);
    expect(() => asHashScheme(3)).toThrow();
  });
});
