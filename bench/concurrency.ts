import { setTimeout as sleep } from "node:timers/promises";
import { parseStreamDeltas } from "../server/demo-model";
import { type Api, subscribe } from "./lib/api";
import type { BenchServer } from "./lib/server";
import { nowMs, round } from "./lib/stats";

// Figure 4: `tasks` tasks streaming `deltas` deltas each at once, each followed by its own
// socket: every seq of every task exactly once and every delta seen, the server's event-loop
// lag during the run (against the same server idle, measured just before), total throughput.

const CREATING = 8;

interface Follow {
  seqs: Set<number>;
  duplicated: number;
  lastSeq: number;
  deltas: Set<number>;
  done: Promise<void>;
}

async function follow(api: Api, environmentId: string, prompt: string, onEvent: () => void): Promise<{ f: Follow; close: () => void }> {
  const socket = await api.socket();
  let finish!: () => void;
  const f: Follow = { seqs: new Set(), duplicated: 0, lastSeq: 0, deltas: new Set(), done: new Promise((resolve) => (finish = resolve)) };
  const taskId = await api.task(environmentId, prompt);
  await subscribe(socket, taskId, (e) => {
    onEvent();
    if (f.seqs.has(e.seq)) f.duplicated += 1;
    f.seqs.add(e.seq);
    f.lastSeq = Math.max(f.lastSeq, e.seq);
    if (e.type === "item/agentMessage/delta") for (const d of parseStreamDeltas(String((e.data as { delta?: unknown }).delta))) f.deltas.add(d.index);
    if (e.type === "turn/completed") finish();
  });
  return { f, close: () => socket.close() };
}

export async function benchConcurrency(opts: { server: BenchServer; api: Api; environmentId: string; tasks: number; deltas: number }) {
  await opts.server.loopLag();
  await sleep(3000);
  const idleLag = await opts.server.loopLag();
  let events = 0;
  let lastArrival = 0;
  const onEvent = () => {
    events += 1;
    lastArrival = nowMs();
  };
  const t0 = nowMs();
  const prompt = `/scenario stream ${opts.deltas}\nStream alongside the others`;
  // Created CREATING at a time, as a burst of users would; the streams still overlap. A
  // creation that fails is counted, not fatal.
  const follows: Awaited<ReturnType<typeof follow>>[] = [];
  let createFailed = 0;
  let started = 0;
  const creator = async () => {
    while (started < opts.tasks) {
      started += 1;
      try {
        follows.push(await follow(opts.api, opts.environmentId, prompt, onEvent));
      } catch (error) {
        createFailed += 1;
        console.warn(`a task could not be created: ${String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CREATING }, creator));
  await Promise.all(follows.map(({ f }) => f.done));
  const lag = await opts.server.loopLag();
  for (const { close } of follows) close();
  const lostSeqs = follows.reduce((s, { f }) => s + (f.lastSeq - f.seqs.size), 0);
  const lostDeltas = follows.reduce((s, { f }) => s + (opts.deltas - f.deltas.size), 0);
  return {
    tasks: follows.length,
    createFailed,
    deltasPerTask: opts.deltas,
    events,
    lost: lostSeqs + lostDeltas,
    duplicated: follows.reduce((s, { f }) => s + f.duplicated, 0),
    loopLagP99Ms: round(lag.p99),
    loopLagP50Ms: round(lag.p50),
    loopLagMaxMs: round(lag.max),
    idleLoopLagP99Ms: round(idleLag.p99),
    eventsPerSec: round(events / ((lastArrival - t0) / 1000), 0),
    seconds: round((lastArrival - t0) / 1000, 1),
  };
}
