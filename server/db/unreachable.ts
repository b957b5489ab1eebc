import { setTimeout as sleep } from "node:timers/promises";
import { logger } from "../logger";

// Prisma's codes for "the database is not there right now" (refused, timed out, closed).
const UNREACHABLE = new Set(["P1001", "P1002", "P1008", "P1017"]);

export function isDatabaseUnreachable(error: unknown): boolean {
  const code: unknown = typeof error === "object" && error !== null ? Reflect.get(error, "code") : undefined;
  return typeof code === "string" && UNREACHABLE.has(code);
}

export interface RetryOptions {
  everyMs: number;
  /** Gives up (rethrows) after this long. */
  forMs: number;
}

const DEFAULT_RETRY: RetryOptions = { everyMs: 500, forMs: 10 * 60_000 };

/**
 * Runs `work` again while the database cannot be reached (a restart, a failover), so what the
 * runner records when a turn ends is not lost to a short outage. `work` must be idempotent.
 */
export async function retryWhileUnreachable<T>(what: string, work: () => Promise<T>, opts: RetryOptions = DEFAULT_RETRY): Promise<T> {
  const deadline = Date.now() + opts.forMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isDatabaseUnreachable(error) || Date.now() > deadline) throw error;
      if (attempt === 1) logger.warn(`database unreachable; retrying ${what}`, { everyMs: opts.everyMs });
      await sleep(opts.everyMs);
    }
  }
}
