import type { ReactNode } from "react";
import { Link, LINK_CLASS } from "@/components/link";
import { shownRange } from "@/lib/paging";

export type PagerProps = {
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

/** A page number past the last page: what the list holds (`has`: "ärendet har 550 handlingar") and the way back. */
export const PastLastPage = ({ page, has, firstHref }: { page: number; has: string; firstHref: string }) => (
  <p className="mt-4">
    Sidan {page} finns inte: {has}.{" "}
    <Link href={firstHref} className={LINK_CLASS}>
      Till första sidan
    </Link>
  </p>
);

type PagedListProps = {
  page: number;
  pages: number;
  size: number;
  /** Rows on this page, and in the whole list. */
  shown: number;
  total: number;
  /** "Handling" and "Handlingarna": what one row and several are called at the start of "Handlingarna 101–200 av 550 visas." */
  one: string;
  many: string;
  /** What the list holds, for a page past its end: "ärendet har 550 handlingar". */
  has: string;
  /** The link to the last page, where the newest are. */
  lastLabel: string;
  pageHref: (page: number) => string;
  /** The pager's accessible name. */
  label: string;
  children: ReactNode;
};

/**
 * A list shown a page at a time, oldest first: once it fills more than a page, which rows this
 * page shows with the way to the newest, the rows, and the pager; a page past the end says so
 * and leads back. A list of one page (or none) is its rows alone.
 */
export const PagedList = ({ page, pages, size, shown, total, one, many, has, lastLabel, pageHref, label, children }: PagedListProps) => {
  if (total === 0 || (pages <= 1 && page <= 1)) return children;
  if (shown === 0) return <PastLastPage page={page} has={has} firstHref={pageHref(1)} />;
  return (
    <>
      <p className="mt-4">
        {shown === 1 ? one : many} {shownRange(page, size, shown)} av {total} visas.{" "}
        {page < pages ? (
          <Link href={pageHref(pages)} className={LINK_CLASS}>
            {lastLabel}
          </Link>
        ) : null}
      </p>
      {children}
      <Pager prevHref={page > 1 ? pageHref(page - 1) : null} nextHref={page < pages ? pageHref(page + 1) : null} label={label} />
    </>
  );
};
