// `npm run bench`: builds when needed, starts our production server on a scratch database, runs
// the six figures one after the other, writes bench/results/latest.{json,md} and prints the table.
import { mkdir, rename, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startDemoModel } from "../server/demo-model";
import { benchApi } from "./api";
import { benchBridge } from "./bridge";
import { benchConcurrency } from "./concurrency";
import { Api } from "./lib/api";
import { ensureBuild } from "./lib/build";
import { type Failed, failed } from "./lib/failed";
import { makeGitRepo } from "./lib/raw-codex";
import { root, startBenchServer } from "./lib/server";
import { round } from "./lib/stats";
import { benchMemory } from "./memory";
import { benchPage } from "./page";
import { markdown } from "./report";
import { benchStart } from "./start";

// BENCH_QUICK=1 shrinks every figure, to try the harness out (its results are not written).
const quick = process.env.BENCH_QUICK === "1";
const SIZES = {
  bridgeDeltas: quick ? 2_000 : 20_000,
  bridgeRounds: quick ? 1 : 2,
  pacedDeltas: quick ? 500 : 5_000,
  pacedPerSecond: 1_000,
  startRounds: quick ? 3 : 10,
  memoryTasks: (quick ? [2, 4] : [10, 50]) as [number, number],
  concurrencyTasks: quick ? 5 : 50,
  concurrencyDeltas: quick ? 200 : 1_000,
  apiTasks: 10_000,
  apiSeconds: quick ? 3 : 10,
  pageEvents: 5_000,
  pageDiffLines: 5_000,
  pageRounds: quick ? 1 : 2,
};
const IDLE_TIMEOUT_SEC = 3;

const t0 = Date.now();
const log = (line: string) => console.log(`[bench +${Math.round((Date.now() - t0) / 1000)}s] ${line}`);

async function main() {
  const machine = {
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    node: process.versions.node,
    loadAvg: os.loadavg().map((l) => round(l, 2)),
  };
  ensureBuild(root, log);
  log("starting the server");
  const server = await startBenchServer({ idleTimeoutSec: IDLE_TIMEOUT_SEC });
  const demo = await startDemoModel();
  try {
    const api = await Api.signUp(server.url, "bench");
    const repo = path.join(server.dataDir, "repo");
    await mkdir(repo, { recursive: true });
    makeGitRepo(repo);
    const environmentId = await api.environment(repo);
    const common = { server, api, environmentId };
    // Memory first: the server's RSS with no task is then that of a fresh server, not of one
    // whose heap grew through the streams of the other figures.
    log(`figure 3, memory: ${SIZES.memoryTasks.join(", ")} tasks waiting for approval`);
    const memory = await figure(() => benchMemory({ ...common, counts: SIZES.memoryTasks, idleTimeoutSec: IDLE_TIMEOUT_SEC }));
    log(`figure 1, event bridge: stream ${SIZES.bridgeDeltas} and ${SIZES.pacedDeltas} at ${SIZES.pacedPerSecond}/s, ${SIZES.bridgeRounds} rounds, raw and ours`);
    const bridge = await figure(() =>
      benchBridge({ ...common, modelUrl: demo.url, n: SIZES.bridgeDeltas, pacedN: SIZES.pacedDeltas, pacedPerSecond: SIZES.pacedPerSecond, rounds: SIZES.bridgeRounds }),
    );
    log(`figure 2, task start: ${SIZES.startRounds} rounds`);
    const start = await figure(() => benchStart({ ...common, modelUrl: demo.url, rounds: SIZES.startRounds }));
    log(`figure 4, concurrency: ${SIZES.concurrencyTasks} tasks × ${SIZES.concurrencyDeltas} deltas`);
    const concurrency = await figure(() => benchConcurrency({ ...common, tasks: SIZES.concurrencyTasks, deltas: SIZES.concurrencyDeltas }));
    log(`figure 5, API: ${SIZES.apiTasks} tasks, 64 connections, ${SIZES.apiSeconds} s per endpoint`);
    const apiFigure = await figure(async () => {
      // A member (the second account): environments are shared and only administrators make them.
      const apiUser = await Api.signUp(server.url, "bench-api");
      return benchApi({ server, api: apiUser, environmentId, tasks: SIZES.apiTasks, connections: 64, seconds: SIZES.apiSeconds });
    });
    log(`figure 6, page: first-load JS, task page with ${SIZES.pageEvents} events and a ${SIZES.pageDiffLines}-line diff`);
    const page = await figure(() => benchPage({ ...common, user: api.user, events: SIZES.pageEvents, diffLines: SIZES.pageDiffLines, rounds: SIZES.pageRounds }));
    const results = { at: new Date().toISOString(), durationSec: Math.round((Date.now() - t0) / 1000), quick, machine, sizes: SIZES, bridge, start, memory, concurrency, api: apiFigure, page };
    return results;
  } finally {
    await demo.close();
    await server.stop();
  }
}

export type Results = Awaited<ReturnType<typeof main>>;

/** A figure that throws is reported as failed (with its reason) and the run goes on. */
async function figure<T extends object>(run: () => Promise<T>): Promise<T | Failed> {
  try {
    return await run();
  } catch (error) {
    log(`figure failed: ${String(error)}`);
    return { error: String(error instanceof Error ? error.message : error).slice(0, 300) };
  }
}

/** One line per missed target: by how much. What would close each gap is in bench/README.md. */
function missed(r: Results): string[] {
  const notes: string[] = [];
  const { bridge: b, start: s, concurrency: c } = r;
  const pct = (v: number) => `${Math.round(v * 100)} %`;
  if (!failed(b) && b.throughputRatio < 0.95) notes.push(`Bridge throughput ratio ${b.throughputRatio} is ${pct(0.95 - b.throughputRatio)} below the 0.95 target.`);
  if (!failed(b) && b.addedLatencyMs.p50 > 2) notes.push(`Added median latency is ${round(b.addedLatencyMs.p50 - 2)} ms over the 2 ms target.`);
  if (!failed(b) && b.addedLatencyMs.p99 > 10) notes.push(`Added p99 latency is ${round(b.addedLatencyMs.p99 - 10)} ms over the 10 ms target.`);
  if (!failed(s) && s.ratio > 1.2) notes.push(`Task start ratio ${s.ratio} is over the 1.2 target by ${round(s.ratio - 1.2, 3)} (${round(s.ourMs - 1.2 * s.rawMs, 1)} ms).`);
  if ((!failed(b) && b.lost + b.duplicated > 0) || (!failed(c) && c.lost + c.duplicated > 0)) notes.push("Events were lost or duplicated: see the rows above.");
  if (!failed(c) && c.createFailed > 0) notes.push(`${c.createFailed} of the concurrent tasks could not be created (see .data/bench-server.log).`);
  for (const [name, value] of Object.entries({ bridge: b, start: s, memory: r.memory, concurrency: c, api: r.api, page: r.page })) {
    if (failed(value)) notes.push(`The ${name} figure failed: ${value.error}`);
  }
  return notes.length ? [...notes, "Causes and what would close each gap: [bench/README.md](../README.md#findings)."] : [];
}

const results = await main();
const md = markdown(results, missed(results));
console.log(`\n${md}`);
if (quick) {
  log("BENCH_QUICK=1: results not written");
} else {
  const dir = path.join(root, "bench", "results");
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "latest.json.tmp"), `${JSON.stringify(results, null, 2)}\n`);
  await rename(path.join(dir, "latest.json.tmp"), path.join(dir, "latest.json"));
  await writeFile(path.join(dir, "latest.md"), md);
  log("wrote bench/results/latest.json and latest.md");
}
process.exit(0);
