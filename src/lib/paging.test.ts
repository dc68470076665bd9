import { describe, expect, it } from "vitest";
import { countOf, shownRange, ZPageNumberSchema } from "./paging";

describe("paging", () => {
  it("says which rows a page shows, one row as one number", () => {
    expect(shownRange(1, 100, 100)).toBe("1–100");
    expect(shownRange(2, 100, 37)).toBe("101–137");
    expect(shownRange(6, 100, 1)).toBe("501");
  });

  it("counts in the singular for one", () => {
    expect(countOf(1, "handling", "handlingar")).toBe("1 handling");
    expect(countOf(0, "handling", "handlingar")).toBe("0 handlingar");
    expect(countOf(550, "händelse", "händelser")).toBe("550 händelser");
  });

  it("takes page numbers 1 and up from the URL", () => {
    expect(ZPageNumberSchema.parse("3")).toBe(3);
    for (const bad of ["0", "-1", "1.5", "x", "10001"]) expect(ZPageNumberSchema.safeParse(bad).success).toBe(false);
  });
});
