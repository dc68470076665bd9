import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";
import { parseSearchParams, toQueryString, ZDiariumSearchParamsSchema } from "./schemas";

describe("diarium search parameters", () => {
  it("keeps valid values and drops invalid ones, naming them for the notice", () => {
    const { values, invalid } = parseSearchParams(ZDiariumSearchParamsSchema, {
      ar: "abc",
      status: "KANSKE",
      namnd: "has",
      q: "  drogscener ",
      forsenade: "1",
      handlaggare: "inte-ett-id",
      sortering: ["remisstid", "diarienummer-stigande"],
      okand: "x",
    });
    expect(values).toEqual({ namnd: "has", q: "drogscener", forsenade: "1", sortering: "remisstid" });
    expect(invalid).toEqual(["år", "status", "handläggare"]);
  });

  it("treats empty form fields as not set", () => {
    expect(parseSearchParams(ZDiariumSearchParamsSchema, { q: "", namnd: "", ar: "", status: "" })).toEqual({ values: {}, invalid: [] });
  });

  it("builds query strings without empty values", () => {
    expect(toQueryString({ namnd: "has", q: "", ar: undefined, efter: "abc" })).toBe("?namnd=has&efter=abc");
    expect(toQueryString({})).toBe("");
  });
});

describe("cursor", () => {
  it("round-trips and rejects damaged or forged values without throwing", () => {
    const cursor = { s: "registrerad-nyast", k: ["2026-01-01T00:00:00.000Z"], id: "00000000-0000-7000-8000-000000000001" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor("%%%")).toBeNull();
    expect(decodeCursor(Buffer.from("{not json").toString("base64url"))).toBeNull();
    expect(decodeCursor(encodeCursor({ ...cursor, id: "x' OR 1=1 --" }))).toBeNull();
    expect(decodeCursor("A".repeat(401))).toBeNull();
  });
});
