import { mkdir } from "node:fs/promises";
import path from "node:path";
import { parseStreamDeltas } from "../server/demo-model";
import { Api, subscribe } from "./lib/api";
import { codexChildren, cpuMs } from "./lib/proc";
import { RawCodex, rawWorkspace } from "./lib/raw-codex";
import { type BenchServer } from "./lib/server";
import { nowMs, round, summarize, type Summary } from "./lib/stats";

// Figure 1: the `stream N` scenario read by a bare JSON-RPC client of codex (raw) and by a
// socket subscribed through our server (ours), alternately. Throughput, from a burst (all N
// deltas written at once): N / (last arrival − first write). Latency, from a paced stream (below
// what codex can pass, so it is not queueing inside codex): delta write time, stamped in it by
// the demo model, to its arrival in this process. CPU used per event, from /proc.

export interface StreamRun {
  eventsPerSec: number;
  /** CPU time of the task's app-server during the run. */
  codexCpuMs: number;
  latency: Summary;
  /** Deltas (and, for ours, seqs) never seen, and seen more than once. */
  lost: number;
  duplicated: number;
}

type OurRun = StreamRun & { serverCpuMs: number; seqs: number };

class DeltaClock {
  readonly latencies: number[] = [];
  private readonly seen = new Set<number>();
  private firstSentAt = Number.POSITIVE_INFINITY;
  private lastArrival = 0;
  duplicated = 0;

  record(delta: unknown): void {
    const arrival = nowMs();
    for (const { index, sentAtMs } of parseStreamDeltas(typeof delta === "string" ? delta : "")) {
      if (this.seen.has(index)) this.duplicated += 1;
      this.seen.add(index);
      this.latencies.push(arrival - sentAtMs);
      this.firstSentAt = Math.min(this.firstSentAt, sentAtMs);
      this.lastArrival = arrival;
    }
  }

  result(n: number, extraLost = 0, extraDuplicated = 0): Omit<StreamRun, "codexCpuMs"> {
    return {
      eventsPerSec: this.seen.size / ((this.lastArrival - this.firstSentAt) / 1000),
      latency: summarize(this.latencies),
      lost: n - this.seen.size + extraLost,
      duplicated: this.duplicated + extraDuplicated,
    };
  }
}

const streamPrompt = (n: number, perSecond: number) => `/scenario stream ${n}${perSecond ? ` ${perSecond}` : ""}\nBenchmark the bridge`;

export async function rawStream(opts: { dir: string; modelUrl: string; n: number; perSecond: number }): Promise<StreamRun> {
  await mkdir(opts.dir, { recursive: true });
  const { repo, env } = await rawWorkspace(opts.dir, opts.modelUrl);
  const codex = await RawCodex.spawn({ cwd: repo, env });
  const clock = new DeltaClock();
  try {
    await codex.initialize();
    const threadId = await codex.startThread(repo);
    const done = new Promise<void>((resolve) =>
      codex.onNotification((n) => {
        if (n.method === "item/agentMessage/delta") clock.record(n.params.delta);
        else if (n.method === "turn/completed") resolve();
      }),
    );
    await codex.startTurn(threadId, streamPrompt(opts.n, opts.perSecond));
    await done;
    return { ...clock.result(opts.n), codexCpuMs: cpuMs(codex.child.pid!) ?? Number.NaN };
  } finally {
    await codex.close();
  }
}

/** One task through our server; also checks that the socket saw every seq exactly once. */
export async function ourStream(opts: { server: BenchServer; api: Api; environmentId: string; n: number; perSecond: number }): Promise<OurRun> {
  const socket = await opts.api.socket();
  const serverCpu0 = cpuMs(opts.server.pid) ?? Number.NaN;
  let codexPid = 0;
  const clock = new DeltaClock();
  const seen = new Set<number>();
  let duplicated = 0;
  let lastSeq = 0;
  try {
    const taskId = await opts.api.task(opts.environmentId, streamPrompt(opts.n, opts.perSecond));
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    await subscribe(socket, taskId, (e) => {
      if (seen.has(e.seq)) duplicated += 1;
      seen.add(e.seq);
      lastSeq = Math.max(lastSeq, e.seq);
      if (e.type === "item/agentMessage/delta") clock.record((e.data as { delta?: unknown }).delta);
      else if (e.type === "turn/started") codexPid = Math.max(0, ...codexChildren(opts.server.pid).map((c) => c.pid)); // the newest
      else if (e.type === "turn/completed") finish();
    });
    await done;
    const serverCpuMs = (cpuMs(opts.server.pid) ?? Number.NaN) - serverCpu0;
    return { ...clock.result(opts.n, lastSeq - seen.size, duplicated), codexCpuMs: cpuMs(codexPid) ?? Number.NaN, serverCpuMs, seqs: seen.size };
  } finally {
    socket.close();
  }
}

/** Raw and ours alternately, `rounds` times each. */
async function pairs(opts: BridgeOptions, n: number, perSecond: number) {
  const raw: StreamRun[] = [];
  const ours: OurRun[] = [];
  for (let i = 0; i < opts.rounds; i += 1) {
    raw.push(await rawStream({ dir: path.join(opts.server.dataDir, `raw-stream-${perSecond}-${i}`), modelUrl: opts.modelUrl, n, perSecond }));
    ours.push(await ourStream({ ...opts, n, perSecond }));
  }
  return { raw, ours };
}

interface BridgeOptions {
  server: BenchServer;
  api: Api;
  environmentId: string;
  modelUrl: string;
  /** Deltas of the burst (as fast as possible) and of the paced run, and its rate. */
  n: number;
  pacedN: number;
  pacedPerSecond: number;
  rounds: number;
}

const median = (values: number[]) => summarize(values).p50;
const latencyOf = (runs: StreamRun[]) => ({ p50: median(runs.map((r) => r.latency.p50)), p99: median(runs.map((r) => r.latency.p99)) });
const roundLatency = (l: { p50: number; p99: number }) => ({ p50: round(l.p50), p99: round(l.p99) });

export async function benchBridge(opts: BridgeOptions) {
  const burst = await pairs(opts, opts.n, 0);
  const paced = await pairs(opts, opts.pacedN, opts.pacedPerSecond);
  const rawEventsPerSec = median(burst.raw.map((r) => r.eventsPerSec));
  const ourEventsPerSec = median(burst.ours.map((r) => r.eventsPerSec));
  const rawLatency = latencyOf(paced.raw);
  const ourLatency = latencyOf(paced.ours);
  const all = [...burst.ours, ...paced.ours];
  const perKEvents = (ms: number[], n: number) => round((median(ms) / n) * 1000, 1);
  return {
    deltas: opts.n,
    rounds: opts.rounds,
    rawEventsPerSec: round(rawEventsPerSec, 0),
    ourEventsPerSec: round(ourEventsPerSec, 0),
    throughputRatio: round(ourEventsPerSec / rawEventsPerSec, 3),
    burstLatencyMs: { raw: roundLatency(latencyOf(burst.raw)), ours: roundLatency(latencyOf(burst.ours)) },
    pacedDeltas: opts.pacedN,
    pacedPerSecond: opts.pacedPerSecond,
    rawLatencyMs: roundLatency(rawLatency),
    ourLatencyMs: roundLatency(ourLatency),
    addedLatencyMs: { p50: round(ourLatency.p50 - rawLatency.p50), p99: round(ourLatency.p99 - rawLatency.p99) },
    cpuMsPer1000Events: {
      server: perKEvents(burst.ours.map((r) => r.serverCpuMs), opts.n),
      codexRaw: perKEvents(burst.raw.map((r) => r.codexCpuMs), opts.n),
      codexOurs: perKEvents(burst.ours.map((r) => r.codexCpuMs), opts.n),
    },
    lost: all.reduce((s, r) => s + r.lost, 0),
    duplicated: all.reduce((s, r) => s + r.duplicated, 0),
    rawLost: [...burst.raw, ...paced.raw].reduce((s, r) => s + r.lost, 0),
  };
}
