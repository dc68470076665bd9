import { Link, LINK_CLASS } from "@/components/link";

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
