import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { hitRateLimit } from "./rate-limit";

describe("hitRateLimit", () => {
  const rule = { limit: 3, windowMs: 1000 };

  it("allows `limit` hits per window, then throws RATE_LIMITED with a retry hint", () => {
    const key = `k-${Math.random()}`;
    for (let i = 0; i < 3; i += 1) hitRateLimit(key, rule, 10_000);
    try {
      hitRateLimit(key, rule, 10_400);
      expect.unreachable("the fourth hit must be refused");
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("RATE_LIMITED");
      expect((error as AppError).status).toBe(429);
      expect((error as AppError).details).toEqual({ retryAfterSec: 1 });
    }
  });

  it("starts a new window once the old one is over", () => {
    const key = `k-${Math.random()}`;
    for (let i = 0; i < 3; i += 1) hitRateLimit(key, rule, 0);
    expect(() => hitRateLimit(key, rule, 999)).toThrow(AppError);
    expect(() => hitRateLimit(key, rule, 1000)).not.toThrow();
  });

  it("counts keys separately", () => {
    const a = `a-${Math.random()}`;
    const b = `b-${Math.random()}`;
    for (let i = 0; i < 3; i += 1) hitRateLimit(a, rule, 0);
    expect(() => hitRateLimit(b, rule, 0)).not.toThrow();
  });
});
