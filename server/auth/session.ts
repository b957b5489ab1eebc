import type { Actor } from "./actor";
import { actorFromToken, bearerToken } from "./actor";
import { actorFromCookieHeader } from "./session-cookie";

/** Resolves the caller of an API request: a bearer token when sent, else the session cookie. */
export async function resolveActor(headers: Headers): Promise<Actor | null> {
  const token = bearerToken(headers.get("authorization"));
  if (token) return actorFromToken(token);
  return actorFromCookieHeader(headers.get("cookie") ?? undefined);
}
