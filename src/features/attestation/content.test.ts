import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contentHashOf, contentHashOfStoredText } from "./content";

describe("contentHashOfStoredText", () => {
  it("gives the hash of the content the text holds, in either scheme", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(1 as const, 2 as const), (value, scheme) => {
        const text = JSON.stringify(value);
        expect(contentHashOfStoredText(text, scheme)).toBe(contentHashOf(JSON.parse(text), scheme));
      }),
      { numRuns: 500 },
    );
  });

  it("answers each text and scheme for itself: a changed text, or the same text in the other scheme, is hashed anew", () => {
    const text = '{"10": "tio", "9": "nio", "sections": [{"body": "Förvaltningen föreslår att nämnden besvarar remissen."}]}';
    const changed = text.replace("besvarar", "avstyrker");
    expect(contentHashOfStoredText(text, 2)).toBe(contentHashOf(JSON.parse(text), 2));
    expect(contentHashOfStoredText(changed, 2)).toBe(contentHashOf(JSON.parse(changed), 2));
    expect(contentHashOfStoredText(changed, 2)).not.toBe(contentHashOfStoredText(text, 2));
    // The schemes order "10" and "9" differently, so the same text has two hashes.
    expect(contentHashOfStoredText(text, 1)).toBe(contentHashOf(JSON.parse(text), 1));
    expect(contentHashOfStoredText(text, 1)).not.toBe(contentHashOfStoredText(text, 2));
  });
});
