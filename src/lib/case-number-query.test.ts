import { describe, expect, it } from "vitest";
import { parseCaseNumberQuery } from "./case-number-query";

describe("parseCaseNumberQuery", () => {
  it.each([
    ["HÄS 2024/123", { year: 2024, sequence: 123, prefix: "has" }],
    ["has 2024-123", { year: 2024, sequence: 123, prefix: "has" }],
    ["  HÄS  2024 / 123 ", { year: 2024, sequence: 123, prefix: "has" }],
    ["KS 2024:1234", { year: 2024, sequence: 1234, prefix: "ks" }],
    ["2024/123", { year: 2024, sequence: 123, prefix: null }],
    ["123/2024", { year: 2024, sequence: 123, prefix: null }],
    ["1.5.1-123-2024", { year: 2024, sequence: 123, prefix: null }],
  ])("reads %s as a case number", (text, expected) => {
    expect(parseCaseNumberQuery(text)).toEqual(expected);
  });

  it.each(["drogscener", "2024", "budget 2024/123 och mer", "1234/5678", "12/34"])("does not read %s as a case number", (text) => {
    expect(parseCaseNumberQuery(text)).toBeNull();
  });
});
