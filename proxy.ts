import { type NextRequest, NextResponse } from "next/server";
import { sessionUserId } from "@/server/auth/session-cookie";

// Pages behind sign-in redirect to /login (the signed-in layout checks the user again).
// API routes answer 401 themselves (withApi).
export async function proxy(req: NextRequest): Promise<NextResponse> {
  if (await sessionUserId(req.headers.get("cookie"))) return NextResponse.next();
  const login = new URL("/login", req.nextUrl.origin);
  login.searchParams.set("callbackUrl", `${req.nextUrl.pathname}${req.nextUrl.search}`);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/((?!api/|_next/|login|signup|favicon.ico|robots.txt).*)"],
};
