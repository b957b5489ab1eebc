import { describe, expect, it } from "vitest";
import { setRuntimeEnv } from "../env";
import { openSecret, sealSecret } from "./secret-box";

describe("secret box", () => {
  it("round-trips, never stores the plain text, and refuses tampering or another secret", () => {
    setRuntimeEnv({ AUTH_SECRET: "a".repeat(40) });
    const sealed = sealSecret("sk-live-123");
    expect(sealed).not.toContain("sk-live-123");
    expect(sealSecret("sk-live-123")).not.toBe(sealed);
    expect(openSecret(sealed)).toBe("sk-live-123");
    const parts = sealed.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(openSecret(parts.join("."))).toBeNull();
    setRuntimeEnv({ AUTH_SECRET: "b".repeat(40) });
    expect(openSecret(sealed)).toBeNull();
  });
});
