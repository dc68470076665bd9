import { Link } from "@/components/link";
import { toQueryString } from "../schemas";

type PagerProps = {
  /** The previous and next page, or null where there is none. */
  prevHref: string | null;
  nextHref: string | null;
  label: string;
};

/** "Föregående sida" / "Nästa sida" as plain links: the page lives in the URL. */
export const Pager = ({ prevHref, nextHref, label }: PagerProps) => {
  if (!prevHref && !nextHref) return null;
  const linkClass = "rounded border border-brand-700 px-3 py-1.5 font-semibold text-brand-700 hover:bg-brand-50";
  return (
    <nav aria-label={label} className="mt-4 flex justify-between gap-4">
      {prevHref ? (
        <Link href={prevHref} className={linkClass} rel="prev">
          ← Föregående sida
        </Link>
      ) : (
        <span />
      )}
      {nextHref ? (
        <Link href={nextHref} className={linkClass} rel="next">
          Nästa sida →
        </Link>
      ) : null}
    </nav>
  );
};

/** The pages before and after a keyset page: its cursors in the URL, the filters kept. */
export const cursorPageHrefs = (
  basePath: string,
  filters: Record<string, string | number | undefined>,
  page: { prevCursor: string | null; nextCursor: string | null },
): Pick<PagerProps, "prevHref" | "nextHref"> => ({
  prevHref: page.prevCursor ? `${basePath}${toQueryString({ ...filters, fore: page.prevCursor })}` : null,
  nextHref: page.nextCursor ? `${basePath}${toQueryString({ ...filters, efter: page.nextCursor })}` : null,
});
