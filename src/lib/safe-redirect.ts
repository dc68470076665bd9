// Where the browser may be sent after login: only a path on this site. Checking the raw
// string ("starts with / but not //") is not enough, because browsers read "/\host",
// "/<TAB>/host" and "/.//host" as another host; so the value is parsed as the browser
// would parse it and only its path, query and fragment are kept.

/** Stands in for the site's origin when the caller has none (relative values only). */
const PLACEHOLDER_ORIGIN = "http://yttra.invalid";

/**
 * The same-origin path of `value`, or `fallback` when `value` would leave the site.
 * `origin` (e.g. next-auth's baseUrl) also admits absolute URLs on that origin.
 */
export const safeRedirectPath = (value: unknown, { origin = PLACEHOLDER_ORIGIN, fallback = "/" }: { origin?: string; fallback?: string } = {}): string => {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  // Only a path ("/…") or an absolute URL on the origin; "evil.test" or "http:/x" are neither.
  if (!(value.startsWith("/") || value.startsWith(`${base.origin}/`)) || url.origin !== base.origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that itself starts with "//" or "/\" would name a host when followed.
  return /^\/[/\\]/.test(path) ? fallback : path;
};
