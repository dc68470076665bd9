import { describe, expect, it } from "vitest";
import { isoDateText, isSafeQueryString, isValidIsoDate, optionalText, requiredText } from "./text-schemas";

describe("text fields", () => {
  it("refuses dates that do not exist", () => {
    expect(isValidIsoDate("2024-02-29")).toBe(true);
    expect(isValidIsoDate("2023-02-29")).toBe(false);
    expect(isValidIsoDate("2024-13-01")).toBe(false);
    expect(isValidIsoDate("24-01-01")).toBe(false);
  });

  it("keeps a date field within its range, with a Swedish message", () => {
    const field = isoDateText("Ange datum.", { min: "2000-01-01" });
    expect(field.safeParse("2024-04-25").success).toBe(true);
    expect(field.safeParse("1999-12-31").error?.issues[0]?.message).toBe("Datumet ligger utanför det tillåtna intervallet.");
    expect(field.safeParse("").error?.issues[0]?.message).toBe("Ange datum.");
  });

  it("trims, bounds and refuses control characters and bidi overrides", () => {
    const title = requiredText("Ange en rubrik.", 10);
    expect(title.parse("  Motion  ")).toBe("Motion");
    expect(title.safeParse("   ").error?.issues[0]?.message).toBe("Ange en rubrik.");
    expect(title.safeParse("a".repeat(11)).error?.issues[0]?.message).toBe("Högst 10 tecken.");
    expect(title.safeParse("a\u202Eb").error?.issues[0]?.message).toBe("Texten innehåller otillåtna styrtecken.");
    expect(title.safeParse("a\nb").success).toBe(false);
    expect(requiredText("Skriv.", 10, { multiline: true }).parse("a\nb")).toBe("a\nb");
  });

  it("turns an empty optional text into undefined", () => {
    expect(optionalText(5).parse("  ")).toBeUndefined();
    expect(optionalText(5).parse(undefined)).toBeUndefined();
  });

  it("accepts ordinary queries, Swedish letters and spaces included", () => {
    for (const search of ["", "?", "?q=motion", "?q=%C3%A4ldreomsorg+och+v%C3%A5rd&namnd=abc", "q=HÄS%202024%2F123", "?callbackUrl=%2Fdiarium%3Fq%3Da"]) {
      expect(isSafeQueryString(search)).toBe(true);
    }
  });

  it("refuses a NUL, other control characters, bidi overrides and bytes that are not UTF-8, in names and values", () => {
    for (const search of ["?q=%00", "?q=a%00b", "?%00=1", "?q=%07", "?q=%C2%85", "?q=%E2%80%AE", "?q=%FF", "?q=%EF%BF%BD", "?q=%ED%A0%80", "?q=%", "?q=%zz"]) {
      expect(isSafeQueryString(search), search).toBe(false);
    }
  });
});
