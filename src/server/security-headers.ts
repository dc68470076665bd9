// The Content-Security-Policy of every page (set per request by src/proxy.ts with a fresh
// nonce; Next.js puts the nonce on its own scripts) and HSTS for https installations.

export type CspOptions = { nonce: string; dev: boolean; https: boolean };

export const contentSecurityPolicy = ({ nonce, dev, https }: CspOptions): string =>
  [
    "default-src 'self'",
    // Only scripts carrying this response's nonce, and what they load ('strict-dynamic');
    // React needs eval for its error overlay in development only.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Style attributes (React, the editor) need 'unsafe-inline'; styles cannot run script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");

/** Two years, as the HSTS preload list expects; only ever sent over https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";
