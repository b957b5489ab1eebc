import type { TaskRun } from "./driver";
import type { Follower } from "./follower";
import { MAX_RSS_GROWTH } from "./settings";

export interface SoakFigures {
  durationMs: number;
  runs: TaskRun[];
  followers: Follower[];
  lastSeqs: Map<string, number>;
  rssAfterWarmup: number;
  rssAtEnd: number;
  rssPeak: number;
  leftRunning: number;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function tally(all: Array<Map<string, number>>): string {
  const counts = new Map<string, number>();
  for (const m of all) for (const [key, n] of m) counts.set(key, (counts.get(key) ?? 0) + n);
  return counts.size === 0 ? "none" : [...counts].map(([key, n]) => `${n} × ${key}`).join(", ");
}

/** Prints the soak's figures; true when every promise held. */
export function report(f: SoakFigures): boolean {
  const lost = sum(f.followers.map((s) => Math.max(0, f.lastSeqs.get(s.taskId)! - s.lastSeq) + s.gaps));
  const duplicates = sum(f.followers.map((s) => s.duplicates));
  const growth = f.rssAfterWarmup > 0 ? (f.rssAtEnd - f.rssAfterWarmup) / f.rssAfterWarmup : Number.NaN;
  const failedTurns = sum(f.runs.map((r) => r.failedTurns));
  const checks = {
    "no event lost": lost === 0,
    "no event duplicated": duplicates === 0,
    [`RSS growth after warm-up under ${MAX_RSS_GROWTH * 100} %`]: growth < MAX_RSS_GROWTH,
    "no app-server left after the tasks ended": f.leftRunning === 0,
    "every turn completed": failedTurns === 0,
  };
  console.log(
    [
      `duration            ${(f.durationMs / 1000).toFixed(0)} s`,
      `tasks / turns       ${f.runs.length} / ${sum(f.runs.map((r) => r.turns))} (${failedTurns} not completed)`,
      `events stored       ${sum([...f.lastSeqs.values()])}`,
      `events delivered    ${sum(f.followers.map((s) => s.events))} to ${f.followers.length} sockets (${sum(f.followers.map((s) => s.reconnects))} reconnects)`,
      `connect errors      ${tally(f.followers.map((s) => s.connectErrors))}`,
      `disconnects         ${tally(f.followers.map((s) => s.disconnects))}`,
      `lost / duplicated   ${lost} / ${duplicates}`,
      `server RSS          ${mb(f.rssAfterWarmup)} after warm-up, ${mb(f.rssAtEnd)} at the end (${(growth * 100).toFixed(1)} %), peak ${mb(f.rssPeak)}`,
      `app-servers left    ${f.leftRunning}`,
      ...Object.entries(checks).map(([what, held]) => `${held ? "PASS" : "FAIL"}  ${what}`),
    ].join("\n"),
  );
  return Object.values(checks).every(Boolean);
}
