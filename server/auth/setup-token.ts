import { timingSafeEqual } from "node:crypto";
import { env } from "../env";

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i;

/**
 * A fresh install listening beyond loopback must not go to whoever reaches it first: its first
 * (admin) account needs the setup token printed in the server's log at start.
 */
export function setupTokenRequired(host = env().HOST): boolean {
  return !LOOPBACK.test(host);
}

export function setupTokenMatches(given: string | undefined): boolean {
  const expected = env().SETUP_TOKEN;
  if (!expected || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
