import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATE_DEFINITION, proposalHeading, proposerHeading, proposerOf, withProposerHeadings } from "./content";

const presidiet = { name: "presidiet", genitive: "presidiets" };

describe("headings that name the proposer", () => {
  it("puts the genitive for {proposer}, capitalised only at the start of the heading", () => {
    expect(proposerHeading("{proposer} förslag till beslut", presidiet)).toBe("Presidiets förslag till beslut");
    expect(proposerHeading("Synpunkter och {proposer} förslag", presidiet)).toBe("Synpunkter och presidiets förslag");
    expect(proposerHeading("{proposer} förslag till beslut", { name: "kommunstyrelsens arbetsutskott", genitive: "kommunstyrelsens arbetsutskotts" })).toBe(
      "Kommunstyrelsens arbetsutskotts förslag till beslut",
    );
    expect(proposerHeading("Sammanfattning", presidiet)).toBe("Sammanfattning");
  });

  it("reads a template without a proposer as förvaltningen's, as before proposers existed", () => {
    const { proposer: _omitted, ...withoutProposer } = DEFAULT_TEMPLATE_DEFINITION;
    expect(proposerOf(withoutProposer).name).toBe("förvaltningen");
    expect(withProposerHeadings(withoutProposer).sections.map((section) => section.heading)).toContain("Förvaltningens förslag till beslut");
    expect(withProposerHeadings({ ...withoutProposer, proposer: presidiet }).sections.map((section) => section.heading)).toEqual(
      expect.arrayContaining(["Presidiets förslag till beslut", "Presidiets synpunkter och förslag"]),
    );
  });

  it("heads an agenda item's proposal with its proposer", () => {
    expect(proposalHeading("kommunstyrelsens")).toBe("Kommunstyrelsens förslag till beslut");
  });
});
