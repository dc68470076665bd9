// Runs before every request (Next.js 16 "proxy", formerly middleware). Request-wide
// policies live here; authorization does not (every action and route handler checks it
// itself, see STYLE.md):
// - CSRF: a state-changing request (server action, route handler POST/PUT/PATCH/DELETE)
//   whose Origin / Sec-Fetch-Site is not this site is refused with 403 before it reaches
//   any code. Next.js also refuses foreign server-action origins, but with a 500 and only
//   for actions; this covers route handlers alike and answers in Swedish.
// - Malformed requests (request-guard.ts): a path or query that does not decode or carries
//   control characters, and server-action bodies React's decoder would choke on, get a
//   Swedish 4xx instead of a 500.
// - Security headers: a Content-Security-Policy with a fresh nonce per response (Next.js
//   reads it from the request header and puts it on its scripts; pages therefore render
//   per request), and HSTS when the installation is served over https.
import { NextResponse, type NextRequest } from "next/server";
import { isSameOriginRequest } from "@/features/documents/http";
import { env } from "@/server/env";
import { refuseMalformedActionRequest, refuseMalformedUrl } from "@/server/request-guard";
import { contentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from "@/server/security-headers";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const CROSS_SITE_REFUSED = "Förfrågan kom inte från Yttra och avvisades.";

const newNonce = (): string => Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");

export const proxy = async (request: NextRequest): Promise<Response> => {
  if (!SAFE_METHODS.has(request.method) && !isSameOriginRequest(request.headers)) {
    return NextResponse.json({ ok: false, error: CROSS_SITE_REFUSED }, { status: 403, headers: { "Cache-Control": "no-store" } });
  }
  const malformed = refuseMalformedUrl(request) ?? (await refuseMalformedActionRequest(request));
  if (malformed) return malformed;

  const https = env.NEXTAUTH_URL?.startsWith("https://") ?? false;
  // Route handlers (/api) answer JSON and files, not pages, and set their own policy
  // (a downloaded file is served with "sandbox"); a page policy here would replace it.
  const page = !request.nextUrl.pathname.startsWith("/api/");
  const policy = contentSecurityPolicy({ nonce: newNonce(), dev: env.NODE_ENV === "development", https });
  // Next.js puts the nonce on the scripts of the HTML it renders for a GET. A write (a
  // server action) answers with data, and its body was read above: overriding the request
  // there would hand Next.js a request whose body is gone.
  const rendersHtml = page && SAFE_METHODS.has(request.method);
  const requestHeaders = new Headers(request.headers);
  if (rendersHtml) requestHeaders.set("content-security-policy", policy);
  const response = rendersHtml ? NextResponse.next({ request: { headers: requestHeaders } }) : NextResponse.next();
  if (page) response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
};

export const config = {
  // Everything but the build's static files (their URLs are content-hashed and carry no secrets).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
