import autocannon from "autocannon";
import type { Api } from "./lib/api";
import { seedTasks, withDb } from "./lib/seed";
import type { BenchServer } from "./lib/server";
import { round } from "./lib/stats";

// Figure 5: GET /api/tasks?limit=50 for a user with `tasks` tasks, `connections` concurrent
// connections (autocannon), against GET /api/health on the same server in the same run.

async function load(url: string, token: string, opts: { connections: number; seconds: number }) {
  const result = await autocannon({ url, connections: opts.connections, duration: opts.seconds, headers: { authorization: `Bearer ${token}` } });
  return { rps: round(result.requests.average, 0), p50Ms: round(result.latency.p50, 1), p99Ms: round(result.latency.p99, 1), non2xx: result.non2xx, errors: result.errors };
}

export async function benchApi(opts: { server: BenchServer; api: Api; environmentId: string; tasks: number; connections: number; seconds: number }) {
  await withDb(opts.server.databaseUrl, (client) => seedTasks(client, { environmentId: opts.environmentId, email: opts.api.user.email, count: opts.tasks }));
  const listUrl = `${opts.server.url}/api/tasks?limit=50`;
  const first = await opts.api.get<{ items: unknown[] }>("/api/tasks?limit=50");
  if (first.items.length !== 50) throw new Error(`Expected 50 tasks in the first page, got ${first.items.length}`);
  const warm = { connections: 8, seconds: 2 };
  await load(`${opts.server.url}/api/health`, opts.api.token, warm);
  const health = await load(`${opts.server.url}/api/health`, opts.api.token, opts);
  await load(listUrl, opts.api.token, warm);
  const list = await load(listUrl, opts.api.token, opts);
  return {
    tasksInDb: opts.tasks,
    connections: opts.connections,
    rps: list.rps,
    p50Ms: list.p50Ms,
    p99Ms: list.p99Ms,
    healthRps: health.rps,
    healthP99Ms: health.p99Ms,
    rpsRatio: round(list.rps / health.rps, 3),
    failed: list.non2xx + list.errors + health.non2xx + health.errors,
  };
}
