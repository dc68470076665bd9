// Runs before every request (Next.js 16 "proxy", formerly middleware). Request-wide
// policies only; authorization does not live here (every action and route handler checks
// it itself, see STYLE.md): it turns away requests no page or route can answer sensibly.
import { NextResponse, type NextRequest } from "next/server";
import { refuseMalformedActionRequest, refuseMalformedUrl } from "@/server/request-guard";

export const proxy = async (request: NextRequest): Promise<Response> =>
  refuseMalformedUrl(request) ?? (await refuseMalformedActionRequest(request)) ?? NextResponse.next();

export const config = {
  // Everything but the build's static files.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
