import { describe, expect, it } from "vitest";
import { PASSAGE_LENGTH, passagesOf } from "./passages";

describe("passagesOf", () => {
  it("keeps a short page whole, with its page number, and skips empty pages", () => {
    expect(passagesOf([{ page: 1, text: "  Första sidan.  " }, { page: 2, text: " \n " }, { page: 3, text: "Tredje sidan." }])).toEqual([
      { page: 1, text: "Första sidan." },
      { page: 3, text: "Tredje sidan." },
    ]);
  });

  it("splits a long page at paragraph ends, every passage within the limit and no text lost", () => {
    const paragraphs = Array.from({ length: 12 }, (_, index) => `Stycke ${index + 1}: ${"trygghetsvandringarna i Hägerstensåsen ".repeat(8).trim()}.`);
    const passages = passagesOf([{ page: 4, text: paragraphs.join("\n") }], 1_000);
    expect(passages.length).toBeGreaterThan(3);
    for (const passage of passages) {
      expect(passage.page).toBe(4);
      expect(passage.text.length).toBeLessThanOrEqual(1_000);
      // Cut at paragraph ends: each passage starts a paragraph and ends one.
      expect(passage.text).toMatch(/^Stycke \d+:/);
      expect(passage.text).toMatch(/\.$/);
    }
    expect(passages.map((passage) => passage.text).join("\n")).toBe(paragraphs.join("\n"));
  });

  it("splits a paragraph longer than the limit at spaces, and text without spaces anywhere but inside a surrogate pair", () => {
    const words = "parklekarnas öppettider ".repeat(300).trim();
    const passages = passagesOf([{ page: null, text: words }]);
    expect(passages.length).toBe(Math.ceil(words.length / PASSAGE_LENGTH));
    expect(passages.every((passage) => passage.text.length <= PASSAGE_LENGTH && !passage.text.startsWith(" ") && passage.page === null)).toBe(true);
    expect(passages.map((passage) => passage.text).join(" ")).toBe(words);

    const unbroken = `${"a".repeat(9)}😀${"b".repeat(9)}`;
    const pieces = passagesOf([{ page: null, text: unbroken }], 10).map((passage) => passage.text);
    expect(pieces).toEqual(["a".repeat(9), `😀${"b".repeat(8)}`, "b"]);
  });
});
