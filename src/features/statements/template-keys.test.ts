import { describe, expect, it } from "vitest";
import { ZSectionKeySchema } from "./schemas";
import { assignSectionKeys, sectionKeyFromHeading, slugifyHeading } from "./template-keys";

describe("section keys from headings", () => {
  it("turns å, ä and ö into a and o and everything else into single dashes", () => {
    expect(slugifyHeading("Ekonomiska konsekvenser")).toBe("ekonomiska-konsekvenser");
    expect(slugifyHeading("Ärendets beredning")).toBe("arendets-beredning");
    expect(slugifyHeading("Förvaltningens synpunkter och förslag")).toBe("forvaltningens-synpunkter-och-forslag");
    expect(slugifyHeading("  Miljö – & Å/Ä/Ö!  ")).toBe("miljo-a-a-o");
    expect(slugifyHeading("Café-frågan")).toBe("cafe-fragan");
  });

  it("gives a valid key for headings that start with a digit, have no letters or are very long", () => {
    const taken = new Set<string>();
    for (const heading of ["2024 års budget", "§§§", "", "x", "Ett mycket långt avsnittsnamn som fortsätter och fortsätter utan slut"]) {
      const key = sectionKeyFromHeading(heading, taken);
      expect(ZSectionKeySchema.safeParse(key).success, `${heading} → ${key}`).toBe(true);
    }
    expect(sectionKeyFromHeading("2024 års budget", taken)).toBe("avsnitt-2024-ars-budget");
    expect(sectionKeyFromHeading("§§§", taken)).toBe("avsnitt");
  });

  it("never reuses a taken or reserved key", () => {
    expect(sectionKeyFromHeading("Sammanfattning", new Set(["sammanfattning"]))).toBe("sammanfattning-2");
    expect(sectionKeyFromHeading("Sammanfattning", new Set(["sammanfattning", "sammanfattning-2"]))).toBe("sammanfattning-3");
    expect(sectionKeyFromHeading("Header", new Set())).toBe("header-2");
    expect(sectionKeyFromHeading("Attachments", new Set())).toBe("attachments-2");
  });

  it("keeps existing keys (also after a renamed heading) and keys new sections uniquely", () => {
    const sections = assignSectionKeys([
      { key: "sammanfattning", heading: "Kort sammanfattning", kind: "RICH_TEXT", required: true, prefill: "NONE" },
      { heading: "Sammanfattning", kind: "RICH_TEXT", required: false, prefill: "NONE" },
      { heading: "Ekonomiska konsekvenser", kind: "RICH_TEXT", required: false, prefill: "NONE" },
      { heading: "Ekonomiska konsekvenser", kind: "RICH_TEXT", required: false, prefill: "NONE" },
    ]);
    expect(sections.map((section) => section.key)).toEqual(["sammanfattning", "sammanfattning-2", "ekonomiska-konsekvenser", "ekonomiska-konsekvenser-2"]);
  });
});
