import { NextResponse } from "next/server";
import { auth } from "@/server/auth/config";

// Pages behind sign-in redirect to /login. API routes answer 401 themselves (withApi).
export const proxy = auth((req) => {
  if (req.auth?.user) return NextResponse.next();
  const login = new URL("/login", req.nextUrl.origin);
  login.searchParams.set("callbackUrl", `${req.nextUrl.pathname}${req.nextUrl.search}`);
  return NextResponse.redirect(login);
});

export const config = {
  matcher: ["/((?!api/|_next/|login|signup|favicon.ico|robots.txt).*)"],
};
