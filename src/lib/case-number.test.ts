import { describe, expect, it } from "vitest";
import { formatCaseNumber, formatDocumentNumber, validateCaseNumberFormat } from "./case-number";

describe("case numbers", () => {
  it("formats the municipalities' common styles", () => {
    expect(formatCaseNumber("{prefix} {year}/{seq}", { prefix: "HÄS", year: 2024, sequence: 123, seqPadding: 0 })).toBe("HÄS 2024/123");
    expect(formatCaseNumber("{prefix} {year}/{seq}", { prefix: "KS", year: 2024, sequence: 7, seqPadding: 4 })).toBe("KS 2024/0007");
    expect(formatCaseNumber("{class}-{seq}-{year}", { prefix: "", year: 2024, sequence: 135, seqPadding: 0, classCode: "1.5.1" })).toBe("1.5.1-135-2024");
    expect(formatDocumentNumber("HÄS 2024/123", 4)).toBe("HÄS 2024/123-4");
  });

  it("refuses a {class} format for a case without a class", () => {
    expect(() => formatCaseNumber("{class}-{seq}-{year}", { prefix: "", year: 2024, sequence: 1, seqPadding: 0 })).toThrow();
  });

  it("validates format templates with Swedish messages", () => {
    expect(validateCaseNumberFormat("{prefix} {year}/{seq}")).toBeNull();
    expect(validateCaseNumberFormat("{prefix} {year}")).toMatch(/\{seq\}/);
    expect(validateCaseNumberFormat("{prefix} {seq}")).toMatch(/\{year\}/);
    expect(validateCaseNumberFormat("{prefix} {year}/{seq}/{foo}")).toMatch(/Okänd kod/);
  });
});
