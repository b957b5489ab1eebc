import { mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TaskEventMessage } from "@/lib/realtime/events";
import { db } from "../db";
import { type RunningPostgres, startEmbeddedPostgres } from "../db/embedded";
import { migrateDeploy } from "../db/migrate";
import { bus } from "../events/bus";
import { type RunnerFixture, startRunnerFixture, waitFor } from "../test/runner-fixture";
import { expectGaplessLog, newTask, untilStatus } from "../test/task-driver";

// The runner on its own embedded PostgreSQL, which is stopped and started again mid-run (the
// machine's shared PostgreSQL is never touched).
const ROOT = "/var/tmp/codex-cloud-tests";
const DATABASE = "codex_restart";
/** The ticks scenario runs paced commands: on a loaded machine that takes a while. */
const TICKS_RUN_MS = 120_000;

let dataDir: string;
let pg: RunningPostgres;
let fx: RunnerFixture;
beforeAll(async () => {
  await mkdir(ROOT, { recursive: true });
  dataDir = await mkdtemp(path.join(ROOT, "pg-restart-"));
  pg = await startEmbeddedPostgres({ dataDir, database: DATABASE });
  await migrateDeploy({ url: pg.url });
  fx = await startRunnerFixture({ maxRunning: 2, idleTimeoutMs: 60_000, databaseUrl: pg.url });
});
afterAll(async () => {
  await fx?.close();
  const { disconnectDb } = await import("../db");
  await disconnectDb();
  await pg?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** Every event published for the task, in the order the bus delivered them. */
function follow(taskId: string): TaskEventMessage[] {
  const seen: TaskEventMessage[] = [];
  bus.on("task:event", (e) => void (e.taskId === taskId && seen.push(e)));
  return seen;
}

const moreThan = (seen: unknown[], n: number) => async () => (seen.length > n ? true : undefined);

describe("PostgreSQL restarted mid-run", () => {
  it("the runner reconnects, the task finishes, and every event published meanwhile is stored once", { timeout: TICKS_RUN_MS + 30_000 }, async () => {
    const environmentId = await fx.addEnvironment({ approvalPolicy: "never" });
    const taskId = await newTask(fx, "/scenario ticks\nKeep ticking", { environmentId });
    const seen = follow(taskId);
    await untilStatus(taskId, ["running"]);
    await waitFor("the first ticks", moreThan(seen, 10));

    const { port } = pg;
    await pg.stop();
    const atStop = seen.length;
    await waitFor("events published while the database is down", moreThan(seen, atStop + 5));
    pg = await startEmbeddedPostgres({ dataDir, database: DATABASE });
    expect(pg.port).toBe(port);

    expect(await untilStatus(taskId, ["ready", "error"], TICKS_RUN_MS)).toBe("ready");
    await expectGaplessLog(taskId);
    const stored = await db.taskEvent.findMany({ where: { taskId }, orderBy: { seq: "asc" }, select: { seq: true, type: true } });
    expect(stored).toEqual(seen.map((e) => ({ seq: e.seq, type: e.type })));
    expect(await db.turn.findFirstOrThrow({ where: { taskId } })).toMatchObject({ status: "completed" });
  });

  it("a turn that ends while the database is down is recorded once it is back", { timeout: TICKS_RUN_MS + 30_000 }, async () => {
    const environmentId = await fx.addEnvironment({ approvalPolicy: "never" });
    const taskId = await newTask(fx, "/scenario ticks\nFinish while the database is away", { environmentId });
    const seen = follow(taskId);
    await waitFor("the turn to start", async () => (seen.some((e) => e.type === "turn/started") ? true : undefined));

    await pg.stop();
    await waitFor("the turn to end", async () => (seen.some((e) => e.type === "turn/completed") ? true : undefined), TICKS_RUN_MS);
    pg = await startEmbeddedPostgres({ dataDir, database: DATABASE });

    expect(await untilStatus(taskId, ["ready", "error"])).toBe("ready");
    expect(await db.turn.findFirstOrThrow({ where: { taskId } })).toMatchObject({ status: "completed" });
    await expectGaplessLog(taskId);
  });
});
