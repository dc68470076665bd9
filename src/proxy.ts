// Runs before every route. Not a guard (authorization is checked in every action, route
// handler and service): it only turns away requests no page or route can answer sensibly.
import { type NextRequest, NextResponse } from "next/server";
import { isSafeQueryString, UNSAFE_QUERY_MESSAGE } from "@/lib/text-schemas";

export const proxy = (request: NextRequest): NextResponse => {
  // One check for every page and route: a NUL in ?q= would otherwise reach PostgreSQL as a 500.
  if (!isSafeQueryString(request.nextUrl.search)) {
    return new NextResponse(UNSAFE_QUERY_MESSAGE, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  return NextResponse.next();
};

export const config = {
  // Build assets carry no user input.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
