import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";

describe("canonicalJson", () => {
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
