// Lists a page at a time: the page number in the URL (`sida`), and how a page says which rows it shows.
import { z } from "@/lib/zod";

/** `?sida=`: 1, 2, …; anything else is reported as an ignored parameter by the page's parse. */
export const ZPageNumberSchema = z.coerce.number().int().min(1).max(10_000);

/** "1 handling", "550 handlingar". */
export const countOf = (count: number, singular: string, plural: string): string => `${count} ${count === 1 ? singular : plural}`;

/** The rows of page `page` (1, 2, …) of `size`, given how many it holds: "101–200", or "101" for one. */
export const shownRange = (page: number, size: number, shown: number): string => {
  const first = (page - 1) * size + 1;
  const last = first + shown - 1;
  return first === last ? `${first}` : `${first}–${last}`;
};
