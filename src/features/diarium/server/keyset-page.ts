// One page of a keyset-paginated list, forwards or backwards from a cursor. Both diarium
// lists (the registrator's and the public one) page this way: no OFFSET, so page 500 costs
// what page 1 costs, and rows registered meanwhile neither repeat nor vanish between pages.
import "server-only";

type Direction = "forward" | "backward";

export type KeysetPageOptions<Row, Cursor> = {
  cursor: Cursor | null;
  /** The cursor points at the first row of the page after the one wanted. */
  backwards: boolean;
  pageSize: number;
  /** `pageSize + 1` rows after `from` in `direction` (before it, reversed, when backward). */
  fetchPage: (direction: Direction, from: Cursor | null) => Promise<Row[]>;
  cursorOf: (row: Row) => string;
};

export type KeysetPage<Row> = { rows: Row[]; nextCursor: string | null; prevCursor: string | null };

export const keysetPage = async <Row, Cursor>({ cursor, backwards, pageSize, fetchPage, cursorOf }: KeysetPageOptions<Row, Cursor>): Promise<KeysetPage<Row>> => {
  if (backwards && cursor) {
    const found = await fetchPage("backward", cursor);
    if (found.length > pageSize) {
      const rows = found.slice(0, pageSize).reverse();
      return { rows, prevCursor: cursorOf(rows[0]!), nextCursor: cursorOf(rows[rows.length - 1]!) };
    }
    // Back at the start: show a full first page rather than the few rows before the cursor.
    const first = await fetchPage("forward", null);
    const rows = first.slice(0, pageSize);
    return { rows, prevCursor: null, nextCursor: first.length > pageSize ? cursorOf(rows[rows.length - 1]!) : null };
  }
  const found = await fetchPage("forward", cursor);
  const rows = found.slice(0, pageSize);
  return {
    rows,
    nextCursor: found.length > pageSize ? cursorOf(rows[rows.length - 1]!) : null,
    // Past the end (an old link) gives no rows and no way back but the start.
    prevCursor: cursor && rows.length > 0 ? cursorOf(rows[0]!) : null,
  };
};
