import Link from "next/link";
import { toQueryString } from "../schemas";

type PagerProps = {
  basePath: string;
  /** Current filters without the cursor parameters. */
  filters: Record<string, string | number | undefined>;
  prevCursor: string | null;
  nextCursor: string | null;
  label: string;
};

/** "Föregående sida" / "Nästa sida" as plain links: the cursor lives in the URL. */
export const Pager = ({ basePath, filters, prevCursor, nextCursor, label }: PagerProps) => {
  if (!prevCursor && !nextCursor) return null;
  const linkClass = "rounded border border-brand-700 px-3 py-1.5 font-semibold text-brand-700 hover:bg-brand-50";
  return (
    <nav aria-label={label} className="mt-4 flex justify-between gap-4">
      {prevCursor ? (
        <Link href={`${basePath}${toQueryString({ ...filters, fore: prevCursor })}`} className={linkClass} rel="prev">
          ← Föregående sida
        </Link>
      ) : (
        <span />
      )}
      {nextCursor ? (
        <Link href={`${basePath}${toQueryString({ ...filters, efter: nextCursor })}`} className={linkClass} rel="next">
          Nästa sida →
        </Link>
      ) : null}
    </nav>
  );
};
