import { setTimeout as sleep } from "node:timers/promises";
import type { Api } from "./lib/api";
import { codexChildren, rssMb } from "./lib/proc";
import type { BenchServer } from "./lib/server";
import { round, summarize } from "./lib/stats";

// Figure 3: RSS of our server with 0, 10 and 50 running tasks, and of each task's app-server
// (read from /proc: VmRSS of the server pid and of its `codex app-server` children). A task
// waiting for a command approval (`/scenario command`) keeps its process without using CPU.
// Then every task is stopped, and after the idle timeout no process may remain.

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await sleep(200);
  }
}

async function waitingTasks(api: Api): Promise<number> {
  const { items } = await api.get<{ items: unknown[] }>("/api/approvals?status=pending");
  return items.length;
}

export async function benchMemory(opts: { server: BenchServer; api: Api; environmentId: string; counts: [number, number]; idleTimeoutSec: number }) {
  const { server, api } = opts;
  const serverRss = () => round(rssMb(server.pid) ?? Number.NaN, 1);
  await until("no app-server before the memory figure", 30_000, () => (codexChildren(server.pid).length === 0 ? true : undefined));
  await sleep(1000);
  const serverRssMb: Record<string, number> = { "0": serverRss() };
  const taskIds: string[] = [];
  let perTask: number[] = [];
  let native = true;
  for (const target of opts.counts) {
    while (taskIds.length < target) taskIds.push(await api.task(opts.environmentId, "/scenario command\nWait for my approval"));
    await until(`${target} tasks waiting for approval`, 300_000, async () => ((await waitingTasks(api)) >= target ? true : undefined));
    await sleep(1000);
    const children = codexChildren(server.pid);
    serverRssMb[String(target)] = serverRss();
    perTask = children.map((c) => rssMb(c.pid) ?? Number.NaN);
    native &&= children.length === target && children.every((c) => c.native);
  }
  await Promise.all(taskIds.map((id) => api.post(`/api/tasks/${id}/interrupt`, {})));
  const idleWaitStart = Date.now();
  const remaining = await until("idle app-servers to stop", (opts.idleTimeoutSec + 30) * 1000, () => (codexChildren(server.pid).length === 0 ? 0 : undefined));
  const rss = summarize(perTask);
  return {
    rssPerTaskMb: round(rss.p50, 1),
    rssPerTaskP99Mb: round(rss.p99, 1),
    native,
    serverRssMb,
    serverRssRatio50vs0: round(serverRssMb[String(opts.counts[1])]! / serverRssMb["0"]!, 2),
    idleProcessesAfterStop: remaining,
    idleStopSec: round((Date.now() - idleWaitStart) / 1000, 1),
  };
}
