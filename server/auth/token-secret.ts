import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "ccp_";

/** A new personal access token: shown once, only its SHA-256 is stored. */
export function newTokenSecret(): { token: string; tokenHash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
