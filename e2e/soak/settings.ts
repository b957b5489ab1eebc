// The soak's knobs: `npm run soak` (5 minutes), or SOAK_SECONDS=60 / `-- --seconds=60` for less.

const DEFAULT_SECONDS = 300;
const MIN_SECONDS = 20;
const MAX_SECONDS = 3600;

export const TASKS = 20;
export const SOCKETS_PER_TASK = 5;
/** RSS growth allowed between the end of warm-up and the end of the load. */
export const MAX_RSS_GROWTH = 0.1;
/** Bounds for what happens after the load: tasks finishing, sockets catching up, processes exiting. */
export const DRAIN_TIMEOUT_MS = 240_000;
export const SAMPLE_EVERY_MS = 2000;
export const POLL_EVERY_MS = 1000;

export interface SoakSettings {
  durationMs: number;
  /** The first quarter of the run: processes start, caches and pools fill up. */
  warmupMs: number;
}

export function soakSettings(argv: string[] = process.argv.slice(2)): SoakSettings {
  const flag = argv.find((a) => a.startsWith("--seconds="))?.split("=")[1];
  const raw = flag ?? process.env.SOAK_SECONDS ?? String(DEFAULT_SECONDS);
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
    throw new Error(`The soak duration must be a whole number of seconds from ${MIN_SECONDS} to ${MAX_SECONDS} (got "${raw}").`);
  }
  return { durationMs: seconds * 1000, warmupMs: Math.round((seconds * 1000) / 4) };
}
