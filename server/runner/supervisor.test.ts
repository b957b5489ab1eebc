import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TaskStatus } from "../generated/prisma/client";
import { type RunnerFixture, startRunnerFixture, waitFor } from "../test/runner-fixture";

// One runner for the file: at most 2 processes, idle ones stopped after 1.5 s.
let fx: RunnerFixture;
beforeAll(async () => {
  fx = await startRunnerFixture({ maxRunning: 2, idleTimeoutMs: 1500 });
}, 60_000);
afterAll(() => fx?.close());

const services = async () => ({
  tasks: await import("../services/tasks"),
  approvals: await import("../services/approvals"),
  db: (await import("../db")).db,
  supervisor: (await import("./supervisor")).supervisor(),
});

async function create(prompt: string): Promise<string> {
  const { tasks } = await services();
  return (await tasks.createTask(fx.actor, { environmentId: fx.environmentId, prompt })).id;
}

async function status(taskId: string): Promise<TaskStatus> {
  const { db } = await services();
  return (await db.task.findUniqueOrThrow({ where: { id: taskId } })).status;
}

/** Answers every approval the task raises with `decision` until it settles in one of `until`. */
async function drive(taskId: string, decision: "accept" | "decline", until: TaskStatus[] = ["ready", "error"]): Promise<TaskStatus> {
  const { db, approvals } = await services();
  return waitFor(`task ${taskId} to reach ${until.join("/")}`, async () => {
    for (const a of await db.approval.findMany({ where: { taskId, status: "pending" } })) {
      await approvals.decideApprovalAsUser(fx.actor, a.id, decision).catch(() => undefined);
    }
    const s = await status(taskId);
    return until.includes(s) ? s : undefined;
  }, 90_000);
}

async function expectGaplessLog(taskId: string): Promise<void> {
  const { db } = await services();
  const { eventLog } = await import("../events/event-log");
  await eventLog.flush();
  const seqs = (await db.taskEvent.findMany({ where: { taskId }, select: { seq: true }, orderBy: { seq: "asc" } })).map((e) => e.seq);
  expect(seqs.length).toBeGreaterThan(0);
  expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
}

describe("supervisor on the real app-server and the demo model", () => {
  it("runs a demo task to ready once its approvals are answered", async () => {
    const taskId = await create("/scenario demo\nTidy up the readme");
    expect(await drive(taskId, "accept")).toBe("ready");
    const { db } = await services();
    const decided = await db.approval.findMany({ where: { taskId } });
    expect(decided.length).toBeGreaterThanOrEqual(2);
    expect(decided.every((a) => a.status === "accepted" && a.decidedBy === "user")).toBe(true);
    const attempt = await db.attempt.findFirstOrThrow({ where: { taskId } });
    expect(attempt.filesChanged).toBeGreaterThan(0);
    expect(attempt.diff).toContain("diff --git");
    await expectGaplessLog(taskId);
  });

  it("an edit task writes its file in the attempt's workspace", async () => {
    const taskId = await create("/scenario edit\nSay hello");
    expect(await drive(taskId, "accept")).toBe("ready");
    const { db } = await services();
    const attempt = await db.attempt.findFirstOrThrow({ where: { taskId } });
    expect(await readFile(path.join(attempt.worktreePath!, "CODEX_DEMO.md"), "utf8")).toContain("Say hello");
    await expect(access(path.join(fx.repo, "CODEX_DEMO.md"))).rejects.toThrow();
  });

  it("a failing model ends the task in error, with the failure in the log", async () => {
    const taskId = await create("/scenario fail\nAnything");
    expect(await drive(taskId, "accept")).toBe("error");
    const { db } = await services();
    const errors = await db.taskEvent.findMany({ where: { taskId, type: "error" } });
    expect(errors.length).toBeGreaterThan(0);
    const turn = await db.turn.findFirstOrThrow({ where: { taskId } });
    expect(turn.status).toBe("failed");
    expect(turn.error).toBeTruthy();
    await expectGaplessLog(taskId);
  });

  it("a killed app-server fails the running turn with a reason; a follow-up resumes on a fresh process", async () => {
    const { db, supervisor, tasks } = await services();
    const taskId = await create("/scenario slow\nTake your time");
    const pid = await waitFor("the app-server", async () => supervisor.pids().get(taskId));
    await waitFor("the turn to start", async () => ((await db.taskEvent.count({ where: { taskId, type: "turn/started" } })) > 0 ? true : undefined));
    process.kill(pid, "SIGKILL");
    expect(await drive(taskId, "accept", ["error"])).toBe("error");
    const failed = await db.turn.findFirstOrThrow({ where: { taskId } });
    expect(failed).toMatchObject({ status: "failed", error: expect.stringContaining("stopped unexpectedly") });

    await tasks.sendMessage(fx.actor, taskId, { text: "/scenario edit\nContinue after the crash" });
    expect(await drive(taskId, "accept")).toBe("ready");
    const turns = await db.turn.findMany({ where: { taskId }, orderBy: { startedAt: "asc" } });
    expect(turns.map((t) => t.status)).toEqual(["failed", "completed"]);
    await expectGaplessLog(taskId);
  });

  it("stops an idle process and resumes the thread on the next follow-up", async () => {
    const { db, supervisor, tasks } = await services();
    const taskId = await create("/scenario edit\nFirst");
    expect(await drive(taskId, "accept")).toBe("ready");
    const threadId = (await db.attempt.findFirstOrThrow({ where: { taskId } })).threadId;
    await waitFor("the idle process to stop", async () => (supervisor.pids().has(taskId) ? undefined : true));

    await tasks.sendMessage(fx.actor, taskId, { text: "/scenario edit\nSecond" });
    expect(await drive(taskId, "accept")).toBe("ready");
    expect((await db.attempt.findFirstOrThrow({ where: { taskId } })).threadId).toBe(threadId);
    expect(await db.turn.count({ where: { taskId, status: "completed" } })).toBe(2);
    await expectGaplessLog(taskId);
  });

  it("archiving removes the workspaces but keeps the diff; a follow-up rebuilds the workspace from it", async () => {
    const { db, tasks, supervisor } = await services();
    const { getDiff } = await import("../services/diffs");
    const taskId = await create("/scenario edit\nKeep me");
    expect(await drive(taskId, "accept")).toBe("ready");
    const { worktreePath } = await db.attempt.findFirstOrThrow({ where: { taskId } });
    const before = (await getDiff(fx.actor, taskId, 0)).text;

    await tasks.updateTask(fx.actor, taskId, { archived: true });
    await expect(access(worktreePath!)).rejects.toThrow();
    expect(supervisor.pids().has(taskId)).toBe(false);
    expect((await getDiff(fx.actor, taskId, 0)).text).toBe(before);

    await tasks.updateTask(fx.actor, taskId, { archived: false });
    await tasks.sendMessage(fx.actor, taskId, { text: "/scenario edit\nAgain" });
    expect(await drive(taskId, "accept")).toBe("ready");
    expect(await readFile(path.join(worktreePath!, "CODEX_DEMO.md"), "utf8")).toContain("Again");
    const after = await db.attempt.findFirstOrThrow({ where: { taskId } });
    expect(after.diff).toContain("CODEX_DEMO.md");
    await expectGaplessLog(taskId);
  });

  it("refuses to archive a task that is still running", async () => {
    const { tasks } = await services();
    const taskId = await create("/scenario command\nBusy");
    await waitFor("the approval", async () => ((await status(taskId)) === "awaiting_approval" ? true : undefined));
    await expect(tasks.updateTask(fx.actor, taskId, { archived: true })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await drive(taskId, "accept")).toBe("ready");
  });

  it("queues tasks past the process cap and starts them when a slot frees", async () => {
    const { db } = await services();
    const busy = [await create("/scenario command\nOne"), await create("/scenario command\nTwo")];
    await waitFor("both tasks to wait for approval", async () =>
      (await Promise.all(busy.map(status))).every((s) => s === "awaiting_approval") ? true : undefined,
    );
    const third = await create("/scenario edit\nThree");
    expect(await status(third)).toBe("queued");
    expect(await db.attempt.findFirstOrThrow({ where: { taskId: third } })).toMatchObject({ status: "queued", threadId: null });

    expect(await drive(busy[0]!, "accept")).toBe("ready");
    expect(await drive(third, "accept")).toBe("ready");
    expect(await drive(busy[1]!, "decline")).toBe("ready");
    const [accepted, declined] = await Promise.all(busy.map((taskId) => db.attempt.findFirstOrThrow({ where: { taskId } })));
    await expect(access(path.join(accepted!.worktreePath!, "approved.txt"))).resolves.toBeUndefined();
    await expect(access(path.join(declined!.worktreePath!, "approved.txt"))).rejects.toThrow();
    for (const taskId of [...busy, third]) await expectGaplessLog(taskId);
  });
});
