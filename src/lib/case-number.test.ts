import { describe, expect, it } from "vitest";
import {
  documentNumberLooksLikeCaseNumber,
  formatCaseNumber,
  formatDocumentNumber,
  parseCaseNumber,
  seriesFormatsOverlap,
  validateCaseNumberFormat,
  validateDocumentNumberFormat,
} from "./case-number";

describe("case numbers", () => {
  it("formats the municipalities' common styles", () => {
    expect(formatCaseNumber("{prefix} {year}/{seq}", { prefix: "HÄS", year: 2024, sequence: 123, seqPadding: 0 })).toBe("HÄS 2024/123");
    expect(formatCaseNumber("{prefix} {year}/{seq}", { prefix: "KS", year: 2024, sequence: 7, seqPadding: 4 })).toBe("KS 2024/0007");
    expect(formatCaseNumber("{class}-{seq}-{year}", { prefix: "", year: 2024, sequence: 135, seqPadding: 0, classCode: "1.5.1" })).toBe("1.5.1-135-2024");
    expect(formatCaseNumber("{class}-{yy}/{seq}", { prefix: "", year: 2026, sequence: 7, seqPadding: 0, classCode: "1.5.1" })).toBe("1.5.1-26/7");
    expect(formatCaseNumber("{prefix}{yy}-{seq}", { prefix: "BN", year: 2005, sequence: 12, seqPadding: 3 })).toBe("BN05-012");
  });

  it("refuses a {class} format for a case without a class", () => {
    expect(() => formatCaseNumber("{class}-{seq}-{year}", { prefix: "", year: 2024, sequence: 1, seqPadding: 0 })).toThrow();
  });

  it("validates format templates with Swedish messages", () => {
    expect(validateCaseNumberFormat("{prefix} {year}/{seq}")).toBeNull();
    expect(validateCaseNumberFormat("{class}-{yy}/{seq}")).toBeNull();
    expect(validateCaseNumberFormat("{prefix} {year}")).toMatch(/\{seq\}/);
    expect(validateCaseNumberFormat("{prefix} {seq}")).toMatch(/\{year\}/);
    expect(validateCaseNumberFormat("{prefix} {year}/{seq}/{foo}")).toMatch(/Okänd kod/);
    expect(validateCaseNumberFormat("{year}/{seq}/{seq}")).toMatch(/en gång/);
    expect(validateCaseNumberFormat("{year}/{yy}/{seq}")).toMatch(/antingen/);
    expect(validateCaseNumberFormat("{yy}{seq}")).toMatch(/skiljetecken/);
  });

  // Every order of the tokens, with varied separators, prints and reads back the same parts.
  const permutations = <T>(items: T[]): T[][] => (items.length <= 1 ? [items] : items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest])));
  const separators = ["-", "/", " ", ":", " nr "];
  for (const yearToken of ["{year}", "{yy}"]) {
    for (const order of permutations(["{prefix}", yearToken, "{seq}", "{class}"])) {
      const format = order.map((token, index) => (index === 0 ? token : `${separators[index % separators.length]}${token}`)).join("");
      it(`formats and parses ${format}`, () => {
        expect(validateCaseNumberFormat(format)).toBeNull();
        const series = { format, prefix: "KS", seqPadding: 3 };
        const number = formatCaseNumber(format, { ...series, year: 2026, sequence: 42, classCode: "1.5.1" });
        expect(number).toContain("042");
        expect(number).toContain(yearToken === "{yy}" ? "26" : "2026");
        expect(parseCaseNumber(number, series, 2026)).toEqual({ year: 2026, sequence: 42, classCode: "1.5.1" });
      });
    }
  }

  it("parses a two-digit year into the latest century not after the reference year", () => {
    const series = { format: "{class}-{yy}/{seq}", prefix: "", seqPadding: 0 };
    expect(parseCaseNumber("1.5.1-26/7", series, 2026)).toEqual({ year: 2026, sequence: 7, classCode: "1.5.1" });
    expect(parseCaseNumber("2.1-98/130", series, 2026)).toEqual({ year: 1998, sequence: 130, classCode: "2.1" });
  });

  it("refuses numbers the series would not print", () => {
    const series = { format: "{prefix} {year}/{seq}", prefix: "KS", seqPadding: 0 };
    expect(parseCaseNumber("KS 2026/7", series, 2026)).toEqual({ year: 2026, sequence: 7, classCode: null });
    expect(parseCaseNumber("KS 2026/07", series, 2026)).toBeNull();
    expect(parseCaseNumber("BN 2026/7", series, 2026)).toBeNull();
    expect(parseCaseNumber("KS 26/7", series, 2026)).toBeNull();
    expect(parseCaseNumber("KS 2026/0", series, 2026)).toBeNull();
    expect(parseCaseNumber("KS 2026/7", { ...series, seqPadding: 3 }, 2026)).toBeNull();
  });

  it("finds series formats that could print the same number", () => {
    const ks = { format: "{prefix} {year}/{seq}", prefix: "KS", seqPadding: 0 };
    expect(seriesFormatsOverlap(ks, { ...ks })).toBe(true);
    expect(seriesFormatsOverlap(ks, { ...ks, prefix: "BN" })).toBe(false);
    // Padding does not separate them: "KS 2026/1000" is printed by both.
    expect(seriesFormatsOverlap(ks, { ...ks, seqPadding: 4 })).toBe(true);
    expect(seriesFormatsOverlap(ks, { format: "KS {year}/{seq}", prefix: "", seqPadding: 0 })).toBe(true);
    expect(seriesFormatsOverlap({ format: "{class}-{yy}/{seq}", prefix: "", seqPadding: 0 }, { format: "{class}-{seq}-{year}", prefix: "", seqPadding: 0 })).toBe(false);
    // "1.5-26/7" could be class 1.5 of series A or class 1 with a prefix ".5" … in B: refused.
    expect(seriesFormatsOverlap({ format: "{class}-{yy}/{seq}", prefix: "", seqPadding: 0 }, { format: "{class}{prefix}-{yy}/{seq}", prefix: ".5", seqPadding: 0 })).toBe(true);
  });

  it("formats handling numbers per the series and refuses a suffix that reads as a case number", () => {
    expect(formatDocumentNumber("HÄS 2024/123", 4, "{number}-{n}")).toBe("HÄS 2024/123-4");
    expect(formatDocumentNumber("1.5.1-26/7", 4, "{number}:{n}")).toBe("1.5.1-26/7:4");
    expect(formatDocumentNumber("KS 2026/7", 2, "{number} nr {n}")).toBe("KS 2026/7 nr 2");
    expect(validateDocumentNumberFormat("{number} nr {n}")).toBeNull();
    expect(validateDocumentNumberFormat("{number}")).toMatch(/\{n\}/);
    expect(validateDocumentNumberFormat("{number}-{x}")).toMatch(/Okänd kod/);
    const classLast = { format: "{prefix} {year}/{seq}-{class}", prefix: "KS", seqPadding: 0 };
    // "KS 2026/7-1.5" + ".3" is also the number of a case in class 1.5.3.
    expect(documentNumberLooksLikeCaseNumber({ ...classLast, documentNumberFormat: "{number}.{n}" })).toBe(true);
    expect(documentNumberLooksLikeCaseNumber({ ...classLast, documentNumberFormat: "{number}:{n}" })).toBe(false);
    expect(documentNumberLooksLikeCaseNumber({ format: "{prefix} {year}/{seq}", prefix: "KS", seqPadding: 0, documentNumberFormat: "{number}{n}" })).toBe(true);
  });
});
