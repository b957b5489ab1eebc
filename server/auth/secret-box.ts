import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "../env";

// Provider API keys at rest: AES-256-GCM with a key derived from AUTH_SECRET, stored as
// "v1.<iv>.<tag>.<ciphertext>" (base64url). Changing AUTH_SECRET makes stored keys unreadable:
// they must then be entered again.

const PREFIX = "v1";

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), "codex-cloud", "provider-api-keys", 32));
}

export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [PREFIX, iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** The plain secret, or null when it was sealed with another AUTH_SECRET or is corrupt. */
export function openSecret(sealed: string): string | null {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== PREFIX || !iv || !tag || !data) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
