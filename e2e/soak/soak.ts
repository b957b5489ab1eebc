// The load soak: TASKS running tasks followed by SOCKETS_PER_TASK sockets each, for the soak's
// duration, against a separately started production server on loopback. Prints its figures and
// exits 1 when a promise broke: an event lost or doubled, RSS growth past 10 % after warm-up,
// an app-server left running after the tasks ended. Run with `npm run soak`.
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedPostgres } from "../../server/db/embedded";
import { appServersUnder } from "../fixtures/processes";
import { makeRepo } from "../fixtures/repo";
import { createScratchDatabase } from "../fixtures/scratch-db";
import { freePort, serverDataDir, startServerProcess } from "../fixtures/server-process";
import { signedIn, until } from "./api";
import { createTask, keepBusy } from "./driver";
import { Follower } from "./follower";
import { report } from "./report";
import { RssSampler } from "./rss";
import { DRAIN_TIMEOUT_MS, POLL_EVERY_MS, SOCKETS_PER_TASK, soakSettings, TASKS } from "./settings";

const root = path.resolve(import.meta.dirname, "../..");
if (!existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("No production build: run `npx next build` first (npm run soak does).");

const settings = soakSettings();
const dataDir = await serverDataDir("soak");
const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir });
const database = await createScratchDatabase(process.env.DATABASE_URL ?? embedded!.url, "codex_soak");
const server = await startServerProcess({
  dataDir,
  databaseUrl: database.url,
  port: await freePort(),
  env: { MAX_RUNNING_TASKS: String(TASKS), IDLE_TIMEOUT_SEC: "2", LOG_LEVEL: "warn" },
});

try {
  const { api, token } = await signedIn(server.baseURL);
  const repo = makeRepo();
  const environment = await api.call<{ id: string }>("POST", "/api/environments", { label: "soak", repo, approvalPolicy: "never" });
  const started = Date.now();
  const deadline = started + settings.durationMs;
  const rss = new RssSampler(server.pid);
  const taskIds = await Promise.all(Array.from({ length: TASKS }, () => createTask(api, environment.id)));
  const followers = taskIds.flatMap((id) => Array.from({ length: SOCKETS_PER_TASK }, () => new Follower(server.baseURL, token, id)));
  console.log(`soak: ${TASKS} tasks, ${followers.length} sockets, ${settings.durationMs / 1000} s (warm-up ${settings.warmupMs / 1000} s)`);

  const runs = await Promise.all(taskIds.map((id) => keepBusy(api, id, deadline)));
  const loadEnded = Date.now();
  rss.stop();
  const lastSeqs = new Map(await Promise.all(taskIds.map(async (id) => [id, (await api.task(id)).lastSeq] as const)));
  await until("every socket to reach its task's last seq", async () => (followers.every((f) => f.lastSeq >= lastSeqs.get(f.taskId)!) ? true : undefined), {
    timeoutMs: 30_000,
    everyMs: POLL_EVERY_MS,
  }).catch(() => undefined);
  const leftRunning = await until("idle app-servers to stop", async () => (appServersUnder(dataDir).length === 0 ? 0 : undefined), {
    timeoutMs: DRAIN_TIMEOUT_MS,
    everyMs: POLL_EVERY_MS,
  }).catch(() => appServersUnder(dataDir).length);
  followers.forEach((f) => f.close());

  const warmEnd = started + settings.warmupMs;
  const ok = report({
    durationMs: loadEnded - started,
    runs,
    followers,
    lastSeqs,
    rssAfterWarmup: rss.medianBetween(warmEnd - 10_000, warmEnd),
    rssAtEnd: rss.medianBetween(deadline - 10_000, deadline),
    rssPeak: rss.peak,
    leftRunning,
  });
  process.exitCode = ok ? 0 : 1;
} catch (error) {
  const cause = error instanceof Error && error.cause ? ` (${String(error.cause)})` : "";
  console.error(`soak failed: ${String(error)}${cause}\nlast server output:\n${server.tail()}`);
  process.exitCode = 1;
} finally {
  await server.kill("SIGTERM");
  const orphans = appServersUnder(dataDir);
  if (orphans.length > 0) {
    console.log(`after the server stopped, app-servers still running: ${orphans.join(", ")}`);
    process.exitCode = 1;
  }
  await database.drop();
  await embedded?.stop();
  await rm(dataDir, { recursive: true, force: true });
}
// Sockets of a run that failed half-way may still be open: they must not keep the soak alive.
process.exit();
