import { AppError } from "./errors";

export interface RateRule {
  limit: number;
  windowMs: number;
}

interface Window {
  start: number;
  count: number;
}

// Fixed-window counters per key, in process memory (one web node). Shared across Next's
// module graphs through globalThis.
const holder = globalThis as unknown as { __codexCloudRate?: Map<string, Window> };
const windows = (holder.__codexCloudRate ??= new Map());

function sweep(now: number): void {
  if (windows.size < 10_000) return;
  for (const [key, w] of windows) if (now - w.start > 3_600_000) windows.delete(key);
}

/** Counts one hit for `key`; throws RATE_LIMITED once the rule's limit is passed. */
export function hitRateLimit(key: string, rule: RateRule, now = Date.now()): void {
  sweep(now);
  const current = windows.get(key);
  const w = current && now - current.start < rule.windowMs ? current : { start: now, count: 0 };
  w.count += 1;
  windows.set(key, w);
  if (w.count > rule.limit) {
    const retryAfterSec = Math.ceil((w.start + rule.windowMs - now) / 1000);
    throw new AppError("RATE_LIMITED", `Too many attempts. Try again in ${retryAfterSec} s.`, { retryAfterSec });
  }
}

export function resetRateLimits(): void {
  windows.clear();
}
