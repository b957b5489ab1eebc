import { type Failed, failed } from "./lib/failed";
import type { Results } from "./run";

// bench/results/latest.md: one row per figure, the measured value beside its same-run baseline.

type Row = [figure: string, measured: string, baseline: string, ratio: string, target: string, verdict: string];

const ms = (v: number) => `${v} ms`;
const check = (ok: boolean) => (ok ? "met" : "**missed**");

type Ok<T> = Exclude<T, Failed>;

const bridgeRows = (b: Ok<Results["bridge"]>): Row[] => [
  ["1. Bridge throughput", `${b.ourEventsPerSec} events/s (socket via our server)`, `${b.rawEventsPerSec} events/s (bare JSON-RPC client)`, `${b.throughputRatio}`, "≥ 0.95", check(b.throughputRatio >= 0.95)],
  ["1. Bridge latency, median (paced)", ms(b.ourLatencyMs.p50), ms(b.rawLatencyMs.p50), `+${b.addedLatencyMs.p50} ms`, "≤ +2 ms", check(b.addedLatencyMs.p50 <= 2)],
  ["1. Bridge latency, p99 (paced)", ms(b.ourLatencyMs.p99), ms(b.rawLatencyMs.p99), `+${b.addedLatencyMs.p99} ms`, "≤ +10 ms", check(b.addedLatencyMs.p99 <= 10)],
  ["1. Bridge latency in the burst, median / p99", `${b.burstLatencyMs.ours.p50} / ${b.burstLatencyMs.ours.p99} ms`, `${b.burstLatencyMs.raw.p50} / ${b.burstLatencyMs.raw.p99} ms`, "–", "–", "–"],
  ["1. CPU per 1,000 events", `server ${b.cpuMsPer1000Events.server} ms + codex ${b.cpuMsPer1000Events.codexOurs} ms`, `codex ${b.cpuMsPer1000Events.codexRaw} ms`, "–", "–", "–"],
  ["1. Bridge seqs", `${b.lost} lost, ${b.duplicated} duplicated (${b.rounds} × ${b.deltas} + ${b.rounds} × ${b.pacedDeltas} deltas)`, "–", "–", "0 / 0", check(b.lost === 0 && b.duplicated === 0)],
];

const startRows = (s: Ok<Results["start"]>): Row[] => [
  ["2. Task start (median)", `${ms(s.ourMs)} (p99 ${s.ourP99Ms})`, `${ms(s.rawMs)} (p99 ${s.rawP99Ms})`, `${s.ratio}`, "≤ 1.2", check(s.ratio <= 1.2)],
  ["2. … of which the task sandbox (per process)", ms(s.sandboxCostMs), `/bin/true: ${ms(s.sandboxMs)} sandboxed`, "–", "–", "–"],
  ["2. … with a pre-started pool (estimate)", ms(s.pooledEstimateMs), `${ms(s.rawMs)} (spawn + initialize ${s.rawSpawnInitMs} ms)`, `${s.pooledEstimateRatio}`, "≤ 1.2", check(s.pooledEstimateRatio <= 1.2)],
];

const memoryRows = (m: Ok<Results["memory"]>): Row[] => [
  ["3. RSS per running task", `${m.rssPerTaskMb} MB (p99 ${m.rssPerTaskP99Mb}), native binary: ${m.native}`, "–", "–", "native", check(m.native)],
  [`3. Server RSS at ${Object.keys(m.serverRssMb).join(" / ")} tasks`, `${Object.values(m.serverRssMb).join(" / ")} MB`, `${m.serverRssMb["0"]} MB (0 tasks)`, `${m.serverRssRatio50vs0} (most vs 0)`, "–", "–"],
  ["3. Idle tasks hold no process", `${m.idleProcessesAfterStop} app-servers ${m.idleStopSec} s after stopping every task`, "–", "–", "0", check(m.idleProcessesAfterStop === 0)],
];

const concurrencyRows = (c: Ok<Results["concurrency"]>, b: Results["bridge"]): Row[] => [
  ["4. Concurrency: lost / duplicated", `${c.lost} / ${c.duplicated} (${c.tasks} tasks × ${c.deltasPerTask} deltas, ${c.events} events; ${c.createFailed} not created)`, "–", "–", "0 / 0", check(c.lost === 0 && c.duplicated === 0)],
  ["4. Server event-loop lag p99", ms(c.loopLagP99Ms), `${ms(c.idleLoopLagP99Ms)} (idle)`, "–", "–", "–"],
  failed(b)
    ? ["4. Total throughput", `${c.eventsPerSec} events/s`, "–", "–", "–", "–"]
    : ["4. Total throughput", `${c.eventsPerSec} events/s`, `${b.ourEventsPerSec} events/s (one task, figure 1)`, `${Math.round((c.eventsPerSec / b.ourEventsPerSec) * 100) / 100}`, "–", "–"],
];

const apiRows = (a: Ok<Results["api"]>): Row[] => [
  ["5. GET /api/tasks?limit=50 (10,000 tasks, 64 conns)", `${a.rps} req/s, p99 ${a.p99Ms} ms`, `/api/health: ${a.healthRps} req/s, p99 ${a.healthP99Ms} ms`, `${a.rpsRatio} (req/s)`, "–", a.failed === 0 ? "no errors" : `**${a.failed} errors**`],
];

const pageRows = (p: Ok<Results["page"]>): Row[] => [
  ["6. First-load JS (gzip)", `/ ${p.firstLoadJsKb.list} KB, /tasks/[id] ${p.firstLoadJsKb.task} KB`, "–", "–", "–", "–"],
  ["6. Task page interactive", `${ms(p.taskPageInteractiveMs)} (${p.events} events, ${p.diffLines}-line diff; Diff tab ${p.diffTabMs} ms)`, `${ms(p.smallTaskPageInteractiveMs)} (4 events)`, `${p.interactiveRatio}`, "–", "–"],
];

function rowsOf<T extends object>(name: string, value: T | Failed, make: (v: T) => Row[]): Row[] {
  return failed(value) ? [[name, `failed: ${value.error.replaceAll("|", "/")}`, "–", "–", "–", "**failed**"]] : make(value);
}

export function rows(r: Results): Row[] {
  return [
    ...rowsOf("1. Event bridge", r.bridge, bridgeRows),
    ...rowsOf("2. Task start", r.start, startRows),
    ...rowsOf("3. Memory", r.memory, memoryRows),
    ...rowsOf("4. Concurrency", r.concurrency, (c) => concurrencyRows(c, r.bridge)),
    ...rowsOf("5. API", r.api, apiRows),
    ...rowsOf("6. Page", r.page, pageRows),
  ];
}

export function markdown(r: Results, notes: string[]): string {
  const table = [
    "| Figure | Measured | Baseline (same run) | Ratio | Target | |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows(r).map((row) => `| ${row.join(" | ")} |`),
  ];
  const machine = `${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.memoryGb} GB, Node ${r.machine.node}, load ${r.machine.loadAvg.join(" ")} at start`;
  return [
    "# Benchmark results",
    "",
    `Run at ${r.at} in ${r.durationSec} s on ${machine}. Method: [bench/README.md](../README.md).`,
    "",
    ...table,
    "",
    ...(notes.length ? ["## Notes", "", ...notes.map((n) => `- ${n}`), ""] : []),
  ].join("\n");
}
