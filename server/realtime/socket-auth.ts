import type { Actor } from "../auth/actor";
import { actorFromToken } from "../auth/actor";
import { actorFromCookieHeader } from "../auth/session-cookie";
import { isOwnOrigin } from "../http/origin";

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The Socket.IO handshake: `auth: {token}`, or the session cookie from a page of our own origin. */
export async function actorFromHandshake(handshake: {
  auth: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}): Promise<Actor | null> {
  const token = handshake.auth.token;
  if (typeof token === "string" && token) return actorFromToken(token);
  const { cookie, origin, host } = handshake.headers;
  const fetchSite = handshake.headers["sec-fetch-site"];
  if (!isOwnOrigin({ origin: first(origin), fetchSite: first(fetchSite), host: first(host) })) return null;
  return actorFromCookieHeader(Array.isArray(cookie) ? cookie.join("; ") : cookie);
}
