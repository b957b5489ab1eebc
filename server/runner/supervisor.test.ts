import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { getDiff } from "../services/diffs";
import { interruptTask, sendMessage, updateTask } from "../services/tasks";
import { type RunnerFixture, startRunnerFixture, waitFor } from "../test/runner-fixture";
import { drive, eventsOf, expectGaplessLog, newTask, pendingApprovals, untilStatus } from "../test/task-driver";

// One runner for the file: idle processes are stopped after 1.5 s.
let fx: RunnerFixture;
beforeAll(async () => {
  fx = await startRunnerFixture({ maxRunning: 4, idleTimeoutMs: 1500 });
});
afterAll(() => fx?.close());

const attemptOf = (taskId: string) => db.attempt.findFirstOrThrow({ where: { taskId } });

describe("supervisor on the real app-server and the demo model", () => {
  it("runs a demo task to ready once its approvals are answered", async () => {
    const taskId = await newTask(fx, "/scenario demo\nTidy up the readme");
    expect(await drive(fx, taskId, "accept")).toBe("ready");
    const decided = await db.approval.findMany({ where: { taskId } });
    expect(decided.map((a) => a.kind).sort()).toEqual(["command", "command", "command", "fileChange"]);
    expect(decided.every((a) => a.status === "accepted" && a.decidedBy === "user")).toBe(true);
    expect(await eventsOf(taskId, "approval/requested")).toHaveLength(decided.length);
    const [completed] = await eventsOf(taskId, "turn/completed");
    expect(completed?.data).toMatchObject({ turn: { status: "completed" } });
    const attempt = await attemptOf(taskId);
    expect(attempt).toMatchObject({ status: "completed", filesChanged: 3 });
    for (const file of ["CODEX_DEMO.md", "README.md", "notes/demo-run.txt"]) expect(attempt.diff).toContain(`+++ b/${file}`);
    await expectGaplessLog(taskId);
  });

  it("an edit task writes its file in the attempt's workspace, not in the repository", async () => {
    const taskId = await newTask(fx, "/scenario edit\nSay hello");
    expect(await drive(fx, taskId, "accept")).toBe("ready");
    const attempt = await attemptOf(taskId);
    expect(await readFile(path.join(attempt.worktreePath!, "CODEX_DEMO.md"), "utf8")).toContain("Say hello");
    expect(attempt.diff).toContain("+++ b/CODEX_DEMO.md");
    await expect(access(path.join(fx.repo, "CODEX_DEMO.md"))).rejects.toThrow();
    await expectGaplessLog(taskId);
  });

  it("a failing model ends the task in error, with the model's failure in the log", async () => {
    const taskId = await newTask(fx, "/scenario fail\nAnything");
    expect(await drive(fx, taskId, "accept")).toBe("error");
    const turn = await db.turn.findFirstOrThrow({ where: { taskId } });
    expect(turn).toMatchObject({ status: "failed", error: expect.stringMatching(/\w{10,}/) });
    const [error] = await eventsOf(taskId, "error");
    expect(error?.data).toMatchObject({ error: { message: turn.error, codexErrorInfo: "internalServerError" }, willRetry: false });
    expect(await attemptOf(taskId)).toMatchObject({ status: "failed", error: turn.error });
    await expectGaplessLog(taskId);
  });

  it("a killed app-server fails the turn and cancels its approval; a follow-up resumes the thread on a fresh process", async () => {
    const taskId = await newTask(fx, "/scenario command\nTouch a file");
    const [approval] = await pendingApprovals(taskId);
    const { threadId } = await attemptOf(taskId);
    const pid = fx.supervisor.pids().get(taskId)!;
    process.kill(pid, "SIGKILL");

    expect(await untilStatus(taskId, ["error"])).toBe("error");
    expect(await db.turn.findFirstOrThrow({ where: { taskId } })).toMatchObject({ status: "failed", error: expect.stringContaining("stopped unexpectedly") });
    expect(await db.approval.findUniqueOrThrow({ where: { id: approval!.id } })).toMatchObject({ status: "cancelled", decidedBy: "timeout" });
    expect((await eventsOf(taskId, "approval/resolved")).map((e) => e.data)).toMatchObject([{ id: approval!.id, status: "cancelled" }]);
    expect(await db.auditLog.count({ where: { taskId, action: "approval.decide", actor: "system" } })).toBe(1);

    await sendMessage(fx.actor, taskId, { text: "Carry on after the crash" });
    expect(fx.supervisor.pids().get(taskId)).toEqual(expect.any(Number));
    expect(fx.supervisor.pids().get(taskId)).not.toBe(pid);
    expect(await drive(fx, taskId, "accept")).toBe("ready");
    const attempt = await attemptOf(taskId);
    expect(attempt.threadId).toBe(threadId);
    // The resumed thread still holds the first turn, whose `touch` call codex now reports as
    // aborted: the demo model goes on with that scenario and says the command did not run (a
    // fresh thread would have played `demo` instead).
    const messages = (await eventsOf(taskId, "item/completed")).map((e) => (e.data as { item: { type: string; text?: string } }).item);
    // The follow-up joins that scenario's turn as the demo model reads it, so it is quoted too.
    expect(messages.filter((i) => i.type === "agentMessage").at(-1)?.text).toMatch(/^The command did not run: approved\.txt was not created\./);
    await expect(access(path.join(attempt.worktreePath!, "approved.txt"))).rejects.toThrow();
    const turns = await db.turn.findMany({ where: { taskId }, orderBy: { startedAt: "asc" } });
    expect(turns.map((t) => t.status)).toEqual(["failed", "completed"]);
    await expectGaplessLog(taskId);
  });

  it("stops an idle process and resumes the thread on the next follow-up", async () => {
    const taskId = await newTask(fx, "/scenario edit\nFirst");
    expect(await drive(fx, taskId, "accept")).toBe("ready");
    const { threadId, worktreePath } = await attemptOf(taskId);
    await waitFor("the idle process to stop", async () => (fx.supervisor.pids().has(taskId) ? undefined : true));

    await sendMessage(fx.actor, taskId, { text: "Second" });
    expect(fx.supervisor.pids().has(taskId)).toBe(true);
    expect(await drive(fx, taskId, "accept")).toBe("ready");
    expect((await attemptOf(taskId)).threadId).toBe(threadId);
    expect(await readFile(path.join(worktreePath!, "notes/follow-up-1.md"), "utf8")).toContain("Second");
    expect(await db.turn.count({ where: { taskId, status: "completed" } })).toBe(2);
    await expectGaplessLog(taskId);
  });

  it("of two follow-ups sent at once, the first starts a turn and the second joins it (steered)", async () => {
    const taskId = await newTask(fx, "/scenario edit\nOnce");
    expect(await drive(fx, taskId, "accept")).toBe("ready");
    const [first, second] = await Promise.all([
      sendMessage(fx.actor, taskId, { text: "/scenario slow\nOne more" }),
      sendMessage(fx.actor, taskId, { text: "And another" }),
    ]);
    expect(first).toEqual({ steered: false });
    expect(second).toEqual({ steered: true });
    expect(await drive(fx, taskId, "accept")).toBe("ready");
    expect(await db.turn.count({ where: { taskId } })).toBe(2);
    const said = (await eventsOf(taskId, "item/completed")).map((e) => (e.data as { item: { type: string; text?: string } }).item).filter((i) => i.type === "agentMessage");
    expect(said.at(-1)?.text).toContain('You added while I worked: "And another".');
    await expectGaplessLog(taskId);
  });

  it("a task stopped while its agent is still starting ends cancelled instead of running on", async () => {
    const taskId = await newTask(fx, "/scenario slow\nStop me");
    await interruptTask(fx.actor, taskId);
    expect(await untilStatus(taskId, ["cancelled", "awaiting_approval", "ready", "error"])).toBe("cancelled");
    expect(await db.turn.findFirstOrThrow({ where: { taskId } })).toMatchObject({ status: "interrupted" });
    expect(await db.approval.count({ where: { taskId } })).toBe(0);
    await expectGaplessLog(taskId);
  });

  it("stopping a task that waits for an approval cancels the approval: nothing is left pending", async () => {
    const taskId = await newTask(fx, "/scenario command\nStop while asking");
    const [approval] = await pendingApprovals(taskId);
    await interruptTask(fx.actor, taskId);
    expect(await untilStatus(taskId, ["cancelled", "ready", "error"])).toBe("cancelled");
    expect(await db.approval.findUniqueOrThrow({ where: { id: approval!.id } })).toMatchObject({ status: "cancelled", message: expect.stringContaining("stopped waiting") });
    expect((await eventsOf(taskId, "approval/resolved")).map((e) => e.data)).toMatchObject([{ id: approval!.id, status: "cancelled" }]);
    await waitFor("the idle process to stop", async () => (fx.supervisor.pids().has(taskId) ? undefined : true));
    await expectGaplessLog(taskId);
  });

  it("archiving removes the workspaces but keeps the diff; a follow-up rebuilds the workspace from it", async () => {
    const taskId = await newTask(fx, "/scenario edit\nKeep me");
    expect(await drive(fx, taskId, "accept")).toBe("ready");
    const { worktreePath } = await attemptOf(taskId);
    const before = (await getDiff(fx.actor, taskId, 0)).text;

    await updateTask(fx.actor, taskId, { archived: true });
    await expect(access(worktreePath!)).rejects.toThrow();
    expect(fx.supervisor.pids().has(taskId)).toBe(false);
    expect((await getDiff(fx.actor, taskId, 0)).text).toBe(before);

    await updateTask(fx.actor, taskId, { archived: false });
    await sendMessage(fx.actor, taskId, { text: "/scenario edit\nAgain" });
    expect(await drive(fx, taskId, "accept")).toBe("ready");
    expect(await readFile(path.join(worktreePath!, "CODEX_DEMO.md"), "utf8")).toContain("Again");
    expect((await attemptOf(taskId)).diff).toContain("CODEX_DEMO.md");
    await expectGaplessLog(taskId);
  });

  it("refuses to archive a task that is still running", async () => {
    const taskId = await newTask(fx, "/scenario command\nBusy");
    await untilStatus(taskId, ["awaiting_approval"]);
    await expect(updateTask(fx.actor, taskId, { archived: true })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await drive(fx, taskId, "accept")).toBe("ready");
  });
});
