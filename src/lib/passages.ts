// A file's text is searched in passages, not whole: a hit is ranked and quoted from its
// passage, so the cost of a hit does not grow with the file (ts_headline and ts_rank_cd read
// all the text they are given: about 0.2 ms per 1 000 characters, 100 ms for a 500 000-character
// budget), and the hit can say on which page of a PDF it is.

/** The longest passage, in characters: about a page of A4 text. */
export const PASSAGE_LENGTH = 3_000;

/** A passage of a file's text; `page` is its PDF page (from 1), null for a DOCX. */
export type Passage = { page: number | null; text: string };

/** Where to cut `text` at or before `max`: at a paragraph end in the second half, else at a space, else anywhere but inside a surrogate pair. */
const cutAt = (text: string, max: number): number => {
  const window = text.slice(0, max + 1);
  const paragraph = window.lastIndexOf("\n");
  if (paragraph >= max / 2) return paragraph;
  const space = window.lastIndexOf(" ");
  if (space > 0) return space;
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
};

/**
 * The passages of a text given as pages (a PDF's pages, or one page without a number for a
 * DOCX): each page one passage, a longer page split at paragraph ends or spaces into passages
 * of at most `length` characters. Empty pages have none.
 */
export const passagesOf = (pages: readonly Passage[], length = PASSAGE_LENGTH): Passage[] =>
  pages.flatMap(({ page, text }) => {
    const passages: Passage[] = [];
    let rest = text.trim();
    while (rest.length > length) {
      const cut = cutAt(rest, length);
      passages.push({ page, text: rest.slice(0, cut).trim() });
      rest = rest.slice(cut).trim();
    }
    if (rest !== "") passages.push({ page, text: rest });
    return passages;
  });
