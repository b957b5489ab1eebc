import { decode } from "next-auth/jwt";
import { authSecret } from "../env";
import { type Actor, actorFromUserId } from "./actor";
import { isSessionActive } from "./user-sessions";

// Auth.js session cookie names (the __Secure- one is used over https). The cookie name is
// also the salt of the encrypted JWT.
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

async function sessionClaims(cookieHeader: string | null | undefined): Promise<{ sub: string; sid: unknown } | null> {
  for (const name of SESSION_COOKIES) {
    const value = readCookie(cookieHeader ?? undefined, name);
    if (!value) continue;
    const jwt = await decode({ token: value, secret: authSecret(), salt: name }).catch(() => null);
    if (jwt?.sub && (!jwt.exp || jwt.exp * 1000 > Date.now())) return { sub: jwt.sub, sid: jwt.sid };
  }
  return null;
}

/** The user id of a valid (decryptable, unexpired) session cookie; no database lookup (proxy.ts). */
export async function sessionUserId(cookieHeader: string | null | undefined): Promise<string | null> {
  return (await sessionClaims(cookieHeader))?.sub ?? null;
}

/** The signed-in user of a Cookie header whose session is still live, for API routes and sockets. */
export async function actorFromCookieHeader(cookieHeader: string | undefined): Promise<Actor | null> {
  const claims = await sessionClaims(cookieHeader);
  if (!claims || !(await isSessionActive(claims.sid, claims.sub))) return null;
  return actorFromUserId(claims.sub);
}
