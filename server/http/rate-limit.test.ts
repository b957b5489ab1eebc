import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError, errorResponse } from "./errors";
import { hitRateLimit } from "./rate-limit";

describe("hitRateLimit", () => {
  const rule = { limit: 3, windowMs: 1000 };
  const hits = async (key: string, n: number) => {
    for (let i = 0; i < n; i += 1) await hitRateLimit(key, rule);
  };
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("allows `limit` hits per window, then throws RATE_LIMITED with a retry hint", async () => {
    const key = `k-${Math.random()}`;
    await hits(key, 3);
    vi.advanceTimersByTime(400);
    const error = await hitRateLimit(key, rule).then(() => expect.unreachable("the fourth hit must be refused"), (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("RATE_LIMITED");
    expect((error as AppError).status).toBe(429);
    expect((error as AppError).details).toEqual({ retryAfterSec: 1 });
  });

  it("starts a new window once the old one is over", async () => {
    const key = `k-${Math.random()}`;
    await hits(key, 3);
    vi.advanceTimersByTime(999);
    await expect(hitRateLimit(key, rule)).rejects.toThrow(AppError);
    vi.advanceTimersByTime(1);
    await expect(hitRateLimit(key, rule)).resolves.toBeUndefined();
  });

  it("counts keys separately", async () => {
    const a = `a-${Math.random()}`;
    await hits(a, 3);
    await expect(hitRateLimit(`b-${Math.random()}`, rule)).resolves.toBeUndefined();
  });

  it("answers 429 with the body's retry hint in Retry-After", async () => {
    const key = `k-${Math.random()}`;
    await hits(key, 3);
    const response = errorResponse(await hitRateLimit(key, rule).catch((e: unknown) => e));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(await response.json()).toEqual({ error: { code: "RATE_LIMITED", message: "Too many attempts. Try again in 1 s.", details: { retryAfterSec: 1 } } });
  });
});
