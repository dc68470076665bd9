// Highlighted search snippets (ts_headline in src/server/full-text.ts) and how they are rendered.

/** Marks around a hit in a snippet: control characters no stored text contains, so a snippet is split safely instead of rendered as HTML. */
export const HIT_START = "\u0002";
export const HIT_END = "\u0003";

/** A snippet from ts_headline as parts to render: text, and hits to mark. */
type SnippetPart = { text: string; hit: boolean };

export const snippetParts = (snippet: string): SnippetPart[] =>
  snippet
    .split(HIT_START)
    .flatMap((chunk, index) => {
      if (index === 0) return [{ text: chunk, hit: false }];
      const [hit = "", rest = ""] = chunk.split(HIT_END);
      return [{ text: hit, hit: true }, { text: rest, hit: false }];
    })
    .filter((part) => part.text.length > 0);
