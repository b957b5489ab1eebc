import { access } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { decideApprovalAsUser } from "../services/approvals";
import { type RunnerFixture, startRunnerFixture, waitFor } from "../test/runner-fixture";
import { drive, eventsOf, expectGaplessLog, newTask, pendingApprovals } from "../test/task-driver";

let fx: RunnerFixture;
beforeAll(async () => {
  fx = await startRunnerFixture({ maxRunning: 4, idleTimeoutMs: 60_000 });
});
afterAll(() => fx?.close());

const decisionsOf = (taskId: string) => db.auditLog.findMany({ where: { taskId, action: "approval.decide" } });

describe("approvals against the real app-server", () => {
  it("exactly one of two racing decisions wins; the other is a conflict", async () => {
    const taskId = await newTask(fx, "/scenario command\nrace");
    const [approval] = await pendingApprovals(taskId);
    const results = await Promise.allSettled([
      decideApprovalAsUser(fx.actor, approval!.id, "accept"),
      decideApprovalAsUser(fx.actor, approval!.id, "decline"),
    ]);
    const won = results.find((r) => r.status === "fulfilled");
    expect(results.filter((r) => r.status === "rejected")).toMatchObject([{ reason: { code: "CONFLICT" } }]);
    const row = await db.approval.findUniqueOrThrow({ where: { id: approval!.id } });
    expect(won?.value).toMatchObject({ id: row.id, status: row.status, decidedBy: "user" });
    expect(await drive(fx, taskId, "accept")).toBe("ready");
    expect((await eventsOf(taskId, "approval/resolved")).map((e) => e.data)).toMatchObject([{ id: row.id, status: row.status }]);
    expect(await decisionsOf(taskId)).toMatchObject([{ actor: fx.actor.email, details: { decision: row.decision } }]);
    await expectGaplessLog(taskId);
  });

  it("a declined command does not run and the agent is told why", async () => {
    const taskId = await newTask(fx, "/scenario command\ndecline me");
    const [approval] = await pendingApprovals(taskId);
    expect(approval).toMatchObject({ kind: "command", command: expect.stringContaining("touch approved.txt") });
    await decideApprovalAsUser(fx.actor, approval!.id, "decline", "not today");
    expect(await drive(fx, taskId, "decline")).toBe("ready");
    const attempt = await db.attempt.findFirstOrThrow({ where: { taskId } });
    await expect(access(path.join(attempt.worktreePath!, "approved.txt"))).rejects.toThrow();
    const items = JSON.stringify((await eventsOf(taskId, "item/completed")).map((m) => m.data));
    expect(items).toContain("The command did not run");
    expect(items).toContain("I declined that request: not today");
    await expectGaplessLog(taskId);
  });

  it("an unanswered approval is declined by the timeout", async () => {
    const environmentId = await fx.addEnvironment({ approvalTimeoutSec: 2 });
    const taskId = await newTask(fx, "/scenario command\nnobody answers", { environmentId });
    const [approval] = await pendingApprovals(taskId);
    const decided = await waitFor("the timeout", async () => {
      const row = await db.approval.findUniqueOrThrow({ where: { id: approval!.id } });
      return row.status === "pending" ? undefined : row;
    }, 20_000);
    expect(decided).toMatchObject({ status: "timed_out", decision: "decline", decidedBy: "timeout", decidedById: null });
    expect(await drive(fx, taskId, "accept")).toBe("ready");
    const attempt = await db.attempt.findFirstOrThrow({ where: { taskId } });
    await expect(access(path.join(attempt.worktreePath!, "approved.txt"))).rejects.toThrow();
    expect(await decisionsOf(taskId)).toMatchObject([{ actor: "timeout", actorId: null, details: { decidedBy: "timeout" } }]);
    await expectGaplessLog(taskId);
  });

  it("read-only commands are approved by the policy; writes still ask", async () => {
    const environmentId = await fx.addEnvironment({ autoApproveReadOnly: true });
    const taskId = await newTask(fx, "/scenario demo\npolicy", { environmentId });
    // The policy's own approvals are rows too, pending for an instant: wait for the one it leaves to us.
    const writer = await waitFor("the write command's approval", async () => (await db.approval.findFirst({ where: { taskId, status: "pending", command: { contains: "mkdir -p notes" } } })) ?? undefined);
    expect(writer).toMatchObject({ kind: "command" });
    expect(await db.approval.count({ where: { taskId, status: "pending" } })).toBe(1);
    const byPolicy = await db.approval.findMany({ where: { taskId, decidedBy: "policy" }, orderBy: { createdAt: "asc" } });
    expect(byPolicy.map((a) => a.command)).toEqual([expect.stringMatching(/\bls\b/), expect.stringMatching(/\bgit status\b/)]);
    expect(byPolicy.every((a) => a.status === "accepted" && a.decidedById === null)).toBe(true);
    expect(await drive(fx, taskId, "accept")).toBe("ready");
    const audit = await decisionsOf(taskId);
    expect(audit.filter((a) => a.actor === "policy")).toHaveLength(2);
    expect((await eventsOf(taskId, "approval/requested")).map((e) => (e.data as { kind: string }).kind)).toEqual(["command", "fileChange"]);
    await expectGaplessLog(taskId);
  });

  it("best-of-3 runs three threads in three workspaces with three independent diffs", async () => {
    const taskId = await newTask(fx, "/scenario edit\nThree ways", { attempts: 3 });
    expect(await pendingApprovals(taskId, 3)).toHaveLength(3);
    // Attempt 1's edit is declined: its workspace and diff stay clean, the others' do not.
    expect(await drive(fx, taskId, (a) => (a.attempt === 1 ? "decline" : "accept"))).toBe("ready");
    const attempts = await db.attempt.findMany({ where: { taskId }, orderBy: { index: "asc" } });
    expect(attempts.map((a) => a.status)).toEqual(["completed", "completed", "completed"]);
    expect(new Set(attempts.map((a) => a.threadId)).size).toBe(3);
    expect(new Set(attempts.map((a) => a.worktreePath)).size).toBe(3);
    expect(attempts.map((a) => a.filesChanged)).toEqual([1, 0, 1]);
    expect(attempts.map((a) => Boolean(a.diff?.includes("+++ b/CODEX_DEMO.md")))).toEqual([true, false, true]);
    for (const a of attempts) {
      const written = access(path.join(a.worktreePath!, "CODEX_DEMO.md"));
      await (a.index === 1 ? expect(written).rejects.toThrow() : expect(written).resolves.toBeUndefined());
    }
    await expectGaplessLog(taskId);
  });
});
