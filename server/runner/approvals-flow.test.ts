import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunnerFixture, startRunnerFixture, waitFor } from "../test/runner-fixture";

// Read-only commands auto-approved, and approvals time out after 2 s.
let fx: RunnerFixture;
beforeAll(async () => {
  fx = await startRunnerFixture({ maxRunning: 4, idleTimeoutMs: 60_000, environment: { autoApproveReadOnly: true, approvalTimeoutSec: 2 } });
}, 60_000);
afterAll(() => fx?.close());

const load = async () => ({
  db: (await import("../db")).db,
  tasks: await import("../services/tasks"),
  approvals: await import("../services/approvals"),
});

async function create(prompt: string, attempts = 1): Promise<string> {
  const { tasks } = await load();
  return (await tasks.createTask(fx.actor, { environmentId: fx.environmentId, prompt, attempts })).id;
}

async function pending(taskId: string, count = 1) {
  const { db } = await load();
  return waitFor(`${count} pending approval(s)`, async () => {
    const rows = await db.approval.findMany({ where: { taskId, status: "pending" } });
    return rows.length >= count ? rows : undefined;
  });
}

async function settled(taskId: string) {
  const { db } = await load();
  return waitFor("the task to settle", async () => {
    const task = await db.task.findUniqueOrThrow({ where: { id: taskId } });
    return ["ready", "error"].includes(task.status) ? task : undefined;
  }, 90_000);
}

describe("approvals against the real app-server", () => {
  it("exactly one of two racing decisions wins; the other is a conflict", async () => {
    const { approvals } = await load();
    const taskId = await create("/scenario command\nrace");
    const [approval] = await pending(taskId);
    const results = await Promise.allSettled([
      approvals.decideApprovalAsUser(fx.actor, approval!.id, "accept"),
      approvals.decideApprovalAsUser(fx.actor, approval!.id, "decline"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "CONFLICT" });
    await settled(taskId);
  });

  it("a declined command does not run and the agent is told", async () => {
    const { approvals, db } = await load();
    const taskId = await create("/scenario command\ndecline me");
    const [approval] = await pending(taskId);
    expect(approval).toMatchObject({ kind: "command", command: expect.stringContaining("touch approved.txt") });
    await approvals.decideApprovalAsUser(fx.actor, approval!.id, "decline", "not today");
    expect((await settled(taskId)).status).toBe("ready");
    const attempt = await db.attempt.findFirstOrThrow({ where: { taskId } });
    expect(attempt.diff ?? "").not.toContain("approved.txt");
    const items = JSON.stringify((await db.taskEvent.findMany({ where: { taskId, type: "item/completed" } })).map((m) => m.data));
    expect(items).toMatch(/did not run|declined|was not run/i);
    expect(items).toContain("I declined that request: not today");
  });

  it("an unanswered approval is declined by the timeout", async () => {
    const { db } = await load();
    const taskId = await create("/scenario command\nnobody answers");
    const [approval] = await pending(taskId);
    const decided = await waitFor("the timeout", async () => {
      const row = await db.approval.findUniqueOrThrow({ where: { id: approval!.id } });
      return row.status === "pending" ? undefined : row;
    }, 20_000);
    expect(decided).toMatchObject({ status: "timed_out", decidedBy: "timeout" });
    await settled(taskId);
  });

  it("read-only commands are approved by the policy; writes still ask", async () => {
    const { db } = await load();
    const taskId = await create("/scenario demo\npolicy");
    const [writer] = await pending(taskId);
    const byPolicy = await db.approval.findMany({ where: { taskId, decidedBy: "policy" } });
    expect(byPolicy.length).toBeGreaterThan(0);
    expect(byPolicy.every((a) => a.status === "accepted" && /\b(ls|git status)\b/.test(a.command ?? ""))).toBe(true);
    expect(writer).toMatchObject({ kind: "command", command: expect.stringContaining("mkdir -p notes") });
  });

  it("best-of-3 runs three threads in three workspaces with three diffs", async () => {
    const { approvals, db } = await load();
    const taskId = await create("/scenario edit\nThree ways", 3);
    for (const a of await pending(taskId, 3)) await approvals.decideApprovalAsUser(fx.actor, a.id, "accept");
    expect((await settled(taskId)).status).toBe("ready");
    const attempts = await db.attempt.findMany({ where: { taskId }, orderBy: { index: "asc" } });
    expect(attempts.map((a) => a.status)).toEqual(["completed", "completed", "completed"]);
    expect(new Set(attempts.map((a) => a.threadId)).size).toBe(3);
    expect(new Set(attempts.map((a) => a.worktreePath)).size).toBe(3);
    expect(attempts.every((a) => a.diff?.includes("CODEX_DEMO.md") && a.filesChanged === 1)).toBe(true);
  });
});
