import type { Actor } from "../auth/actor";
import { actorFromToken } from "../auth/actor";
import { actorFromCookieHeader } from "../auth/session-cookie";

/** The Socket.IO handshake: `auth: {token}` or the session cookie. */
export async function actorFromHandshake(handshake: {
  auth: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}): Promise<Actor | null> {
  const token = handshake.auth.token;
  if (typeof token === "string" && token) return actorFromToken(token);
  const cookie = handshake.headers.cookie;
  return actorFromCookieHeader(Array.isArray(cookie) ? cookie.join("; ") : cookie);
}
