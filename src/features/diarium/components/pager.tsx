import type { PagerProps } from "@/components/pager";
import { toQueryString } from "../schemas";

/** The pages before and after a keyset page: its cursors in the URL, the filters kept. */
export const cursorPageHrefs = (
  basePath: string,
  filters: Record<string, string | number | undefined>,
  page: { prevCursor: string | null; nextCursor: string | null },
): Pick<PagerProps, "prevHref" | "nextHref"> => ({
  prevHref: page.prevCursor ? `${basePath}${toQueryString({ ...filters, fore: page.prevCursor })}` : null,
  nextHref: page.nextCursor ? `${basePath}${toQueryString({ ...filters, efter: page.nextCursor })}` : null,
});
