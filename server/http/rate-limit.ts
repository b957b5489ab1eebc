import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "./errors";

export interface RateRule {
  limit: number;
  windowMs: number;
}

/**
 * The one place that picks the store. Memory serves one web node; several nodes need a shared
 * store, e.g. `new RateLimiterRedis({ storeClient, points, duration })` on REDIS_URL.
 */
function createLimiter(rule: RateRule): RateLimiterAbstract {
  return new RateLimiterMemory({ points: rule.limit, duration: rule.windowMs / 1000 });
}

// A limiter per rule (fixed windows from a key's first hit; expired keys are dropped by the
// store), shared across Next's module graphs through globalThis.
const holder = globalThis as unknown as { __codexCloudRateLimiters?: Map<string, RateLimiterAbstract> };
const limiters = (holder.__codexCloudRateLimiters ??= new Map());

function limiterFor(rule: RateRule): RateLimiterAbstract {
  const id = `${rule.limit}/${rule.windowMs}`;
  const limiter = limiters.get(id) ?? createLimiter(rule);
  limiters.set(id, limiter);
  return limiter;
}

/** Counts one hit for `key`; throws RATE_LIMITED once the rule's limit is passed. */
export async function hitRateLimit(key: string, rule: RateRule): Promise<void> {
  try {
    await limiterFor(rule).consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfterSec = Math.ceil(rejection.msBeforeNext / 1000);
    throw new AppError("RATE_LIMITED", `Too many attempts. Try again in ${retryAfterSec} s.`, { retryAfterSec });
  }
}
