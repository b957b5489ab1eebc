import { decode } from "next-auth/jwt";
import { authSecret } from "../env";
import { type Actor, actorFromUserId } from "./actor";

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

/** The user id of a valid (decryptable, unexpired) session cookie; no database lookup. */
export async function sessionUserId(cookieHeader: string | null | undefined): Promise<string | null> {
  for (const name of SESSION_COOKIES) {
    const value = readCookie(cookieHeader ?? undefined, name);
    if (!value) continue;
    const jwt = await decode({ token: value, secret: authSecret(), salt: name }).catch(() => null);
    if (jwt?.sub && (!jwt.exp || jwt.exp * 1000 > Date.now())) return jwt.sub;
  }
  return null;
}

/** The signed-in user of a Cookie header, for API routes and the Socket.IO handshake alike. */
export async function actorFromCookieHeader(cookieHeader: string | undefined): Promise<Actor | null> {
  const userId = await sessionUserId(cookieHeader);
  return userId ? actorFromUserId(userId) : null;
}
