import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("fills in defaults for a bare environment", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe(path.resolve(".data"));
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.ALLOW_SIGNUP).toBe(true);
    expect(env.RATE_LIMIT_SIGNIN).toEqual({ limit: 10, windowMs: 60_000 });
  });

  it("treats empty variables as unset", () => {
    const env = parseEnv({ AUTH_SECRET: "", DATABASE_URL: "" });
    expect(env.AUTH_SECRET).toBeUndefined();
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("parses rates, booleans and repo roots", () => {
    const env = parseEnv({ RATE_LIMIT_TOKENS: "5/10", ALLOW_SIGNUP: "false", ALLOWED_REPO_ROOTS: "/srv/repos:/tmp" });
    expect(env.RATE_LIMIT_TOKENS).toEqual({ limit: 5, windowMs: 10_000 });
    expect(env.ALLOW_SIGNUP).toBe(false);
    expect(env.ALLOWED_REPO_ROOTS).toEqual(["/srv/repos", "/tmp"]);
  });

  it("names every invalid variable in one error", () => {
    expect(() => parseEnv({ PORT: "http", RATE_LIMIT_SIGNIN: "ten" })).toThrow(/PORT[\s\S]*RATE_LIMIT_SIGNIN/);
  });
});
