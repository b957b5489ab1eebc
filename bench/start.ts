import { mkdir } from "node:fs/promises";
import path from "node:path";
import { type Api, subscribe } from "./lib/api";
import { RawCodex, rawWorkspace } from "./lib/raw-codex";
import type { BenchServer } from "./lib/server";
import { nowMs, round, summarize } from "./lib/stats";
import { sandboxCost } from "./sandbox-cost";

// Figure 2: POST /api/tasks → the task's first `turn/started` at a subscribed socket, against
// the raw floor (spawn the native binary, initialize, thread/start, turn/start → turn/started).

const PROMPT = "/scenario stream 10\nBenchmark the start";

async function rawStart(dir: string, modelUrl: string): Promise<{ totalMs: number; spawnInitMs: number }> {
  await mkdir(dir, { recursive: true });
  const { repo, env } = await rawWorkspace(dir, modelUrl);
  const t0 = nowMs();
  const codex = await RawCodex.spawn({ cwd: repo, env });
  try {
    const started = new Promise<void>((resolve) => codex.onNotification((n) => n.method === "turn/started" && resolve()));
    await codex.initialize();
    const spawnInitMs = nowMs() - t0;
    await codex.startTurn(await codex.startThread(repo), PROMPT);
    await started;
    return { totalMs: nowMs() - t0, spawnInitMs };
  } finally {
    await codex.close();
  }
}

async function ourStart(api: Api, environmentId: string): Promise<number> {
  const socket = await api.socket();
  try {
    let started = 0;
    let finish!: () => void;
    const completed = new Promise<void>((resolve) => (finish = resolve));
    const t0 = nowMs();
    const taskId = await api.task(environmentId, PROMPT);
    await subscribe(socket, taskId, (e) => {
      if (e.type === "turn/started") started ||= nowMs();
      if (e.type === "turn/completed") finish();
    });
    await completed;
    return started - t0;
  } finally {
    socket.close();
  }
}

export async function benchStart(opts: { server: BenchServer; api: Api; environmentId: string; modelUrl: string; rounds: number }) {
  const raw: { totalMs: number; spawnInitMs: number }[] = [];
  const ours: number[] = [];
  // One warm-up of each (page cache, Prisma's first queries), not counted.
  await rawStart(path.join(opts.server.dataDir, "raw-start-warmup"), opts.modelUrl);
  await ourStart(opts.api, opts.environmentId);
  for (let i = 0; i < opts.rounds; i += 1) {
    raw.push(await rawStart(path.join(opts.server.dataDir, `raw-start-${i}`), opts.modelUrl));
    ours.push(await ourStart(opts.api, opts.environmentId));
  }
  const rawMs = summarize(raw.map((r) => r.totalMs));
  const spawnInitMs = summarize(raw.map((r) => r.spawnInitMs));
  const ourMs = summarize(ours);
  // A pool of processes already spawned and initialized would take spawn + initialize off ours
  // (compared with the same raw floor, which spawns).
  const pooledMs = ourMs.p50 - spawnInitMs.p50;
  const sandbox = await sandboxCost({ dataDir: opts.server.dataDir, modelUrl: opts.modelUrl, rounds: Math.max(5, opts.rounds * 2) });
  return {
    sandboxMs: sandbox.sandboxMs,
    sandboxCostMs: sandbox.costMs,
    rounds: opts.rounds,
    ourMs: round(ourMs.p50, 1),
    ourP99Ms: round(ourMs.p99, 1),
    rawMs: round(rawMs.p50, 1),
    rawP99Ms: round(rawMs.p99, 1),
    ratio: round(ourMs.p50 / rawMs.p50, 3),
    rawSpawnInitMs: round(spawnInitMs.p50, 1),
    pooledEstimateMs: round(pooledMs, 1),
    pooledEstimateRatio: round(pooledMs / rawMs.p50, 3),
  };
}
