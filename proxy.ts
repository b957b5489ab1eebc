import { type NextRequest, NextResponse } from "next/server";
import { sessionUserId } from "@/server/auth/session-cookie";
import { pageCsp } from "@/server/http/security-headers";

const PUBLIC_PAGES = /^\/(login|signup)(\/|$)/;

// Every page gets a fresh script nonce (Next reads it from the request's CSP header).
// Pages behind sign-in redirect to /login (the signed-in layout checks the user again).
// API routes answer 401 themselves (withApi).
export async function proxy(req: NextRequest): Promise<NextResponse> {
  const csp = pageCsp(btoa(crypto.randomUUID()));
  if (!PUBLIC_PAGES.test(req.nextUrl.pathname) && !(await sessionUserId(req.headers.get("cookie")))) {
    const login = new URL("/login", req.nextUrl.origin);
    login.searchParams.set("callbackUrl", `${req.nextUrl.pathname}${req.nextUrl.search}`);
    return NextResponse.redirect(login);
  }
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  return res;
}

export const config = {
  // The icons (app/favicon.ico, icon.svg, apple-icon.png) load on the login page too, signed out.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|apple-icon.png|robots.txt).*)"],
};
