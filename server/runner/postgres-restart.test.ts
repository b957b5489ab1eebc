import { mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
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

/**
 * Records every event the bus delivers from now on, so that a task's first events (published
 * while it is being created, before its id is known here) are not missed. The answer lists one
 * task's events in the order the bus delivered them.
 */
function recordEvents(): (taskId: string) => TaskEventMessage[] {
  const all: TaskEventMessage[] = [];
  const listener = (e: TaskEventMessage) => void all.push(e);
  bus.on("task:event", listener);
  stopRecording.push(() => bus.off("task:event", listener));
  return (taskId) => all.filter((e) => e.taskId === taskId);
}
const stopRecording: (() => void)[] = [];
afterEach(() => stopRecording.splice(0).forEach((stop) => stop()));

const moreThan = (seen: () => unknown[], n: number) => async () => (seen().length > n ? true : undefined);

describe("PostgreSQL restarted mid-run", () => {
  it("the runner reconnects, the task finishes, and every event published meanwhile is stored once", { timeout: TICKS_RUN_MS + 30_000 }, async () => {
    const environmentId = await fx.addEnvironment({ approvalPolicy: "never" });
    const eventsOf = recordEvents();
    const taskId = await newTask(fx, "/scenario ticks\nKeep ticking", { environmentId });
    const seen = () => eventsOf(taskId);
    await untilStatus(taskId, ["running"]);
    await waitFor("the first ticks", moreThan(seen, 10));

    const { port } = pg;
    await pg.stop();
    const atStop = seen().length;
    await waitFor("events published while the database is down", moreThan(seen, atStop + 5));
    pg = await startEmbeddedPostgres({ dataDir, database: DATABASE });
    expect(pg.port).toBe(port);

    expect(await untilStatus(taskId, ["ready", "error"], TICKS_RUN_MS)).toBe("ready");
    await expectGaplessLog(taskId);
    const stored = await db.taskEvent.findMany({ where: { taskId }, orderBy: { seq: "asc" }, select: { seq: true, type: true } });
    expect(stored).toEqual(seen().map((e) => ({ seq: e.seq, type: e.type })));
    expect(await db.turn.findFirstOrThrow({ where: { taskId } })).toMatchObject({ status: "completed" });
  });

  it("a turn that ends while the database is down is recorded once it is back", { timeout: TICKS_RUN_MS + 30_000 }, async () => {
    const environmentId = await fx.addEnvironment({ approvalPolicy: "never" });
    const eventsOf = recordEvents();
    const taskId = await newTask(fx, "/scenario ticks\nFinish while the database is away", { environmentId });
    await waitFor("the turn to start", async () => (eventsOf(taskId).some((e) => e.type === "turn/started") ? true : undefined));

    await pg.stop();
    await waitFor("the turn to end", async () => (eventsOf(taskId).some((e) => e.type === "turn/completed") ? true : undefined), TICKS_RUN_MS);
    pg = await startEmbeddedPostgres({ dataDir, database: DATABASE });

    expect(await untilStatus(taskId, ["ready", "error"])).toBe("ready");
    expect(await db.turn.findFirstOrThrow({ where: { taskId } })).toMatchObject({ status: "completed" });
    await expectGaplessLog(taskId);
  });
});
