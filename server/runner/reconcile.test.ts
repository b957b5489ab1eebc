import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useOwnDatabase } from "../test/own-database";

// reconcileTasks acts on every task in the database: keep other files' running tasks out of it.
let own: Awaited<ReturnType<typeof useOwnDatabase>>;
beforeAll(async () => {
  own = await useOwnDatabase("codex_reconcile");
});
afterAll(async () => {
  const { eventLog } = await import("../events/event-log");
  await eventLog.flush();
  await own.drop();
});

async function seed(status: "queued" | "awaiting_approval") {
  const { db } = await import("../db");
  const user = await db.user.create({ data: { email: `rc-${Math.random().toString(36).slice(2)}@example.test` } });
  const environment = await db.environment.create({ data: { ownerId: user.id, label: "e", repo: "/nowhere", defaultBranch: "main" } });
  const running = status !== "queued";
  const task = await db.task.create({
    data: {
      ownerId: user.id, environmentId: environment.id, title: "t", prompt: "p", branch: "main", status,
      attempts: { create: [{ index: 0, status: running ? "running" : "queued", threadId: running ? `th-${Math.random()}` : null }] },
    },
    include: { attempts: true },
  });
  if (running) {
    await db.turn.create({ data: { taskId: task.id, attemptId: task.attempts[0]!.id, prompt: "p" } });
    await db.approval.create({ data: { taskId: task.id, attempt: 0, kind: "command", rpcId: "0", command: "touch x", expiresAt: new Date(Date.now() + 60_000) } });
  }
  return task.id;
}

describe("reconcileTasks after a restart", () => {
  it("requeues queued tasks and fails interrupted turns with the reason, cancelling their approvals", async () => {
    const { db } = await import("../db");
    const { eventLog } = await import("../events/event-log");
    const { reconcileTasks } = await import("./reconcile");
    const queuedId = await seed("queued");
    const midTurnId = await seed("awaiting_approval");
    const enqueued: string[] = [];

    await reconcileTasks({ enqueue: (id: string) => void enqueued.push(id) });
    await eventLog.flush();

    expect(enqueued).toContain(queuedId);
    expect(enqueued).not.toContain(midTurnId);
    const task = await db.task.findUniqueOrThrow({ where: { id: midTurnId }, include: { attempts: true, turns: true, approvals: true, events: true } });
    expect(task.status).toBe("error");
    expect(task.attempts[0]).toMatchObject({ status: "failed", error: expect.stringContaining("server restarted") });
    expect(task.turns[0]).toMatchObject({ status: "failed", error: expect.stringContaining("server restarted") });
    expect(task.approvals[0]).toMatchObject({ status: "cancelled", decision: "cancel", decidedBy: "timeout", message: expect.stringContaining("server restarted") });
    const seqs = task.events.map((e) => e.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(task.events.map((e) => e.type)).toEqual(expect.arrayContaining(["approval/resolved", "error", "task/status"]));
    const audit = await db.auditLog.findMany({ where: { taskId: midTurnId, action: "approval.decide" } });
    expect(audit).toMatchObject([{ actor: "system", details: { decidedBy: "timeout", decision: "cancel" } }]);
  });
});
