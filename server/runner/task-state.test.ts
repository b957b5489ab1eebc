import { describe, expect, it } from "vitest";
import { db } from "../db";
import { bus } from "../events/bus";
import { refreshTaskStatus } from "./task-state";

async function runningTask(): Promise<string> {
  const user = await db.user.create({ data: { email: `state-${Math.random().toString(36).slice(2)}@example.test` } });
  const environment = await db.environment.create({ data: { ownerId: user.id, label: "state", repo: "/nowhere", defaultBranch: "main" } });
  const task = await db.task.create({
    data: { ownerId: user.id, environmentId: environment.id, title: "t", prompt: "t", branch: "main", status: "running", attempts: { create: [{ index: 0, status: "running" }] } },
  });
  return task.id;
}

/** The statuses `task:updated` announces for the task, in order, until `stop`. */
function announcements(taskId: string) {
  const announced: string[] = [];
  const listener = (_owner: string, summary: unknown) => {
    const s = summary as { id: string; status: string };
    if (s.id === taskId) announced.push(s.status);
  };
  bus.on("task:updated", listener);
  return { announced, stop: () => void bus.off("task:updated", listener) };
}

describe("refreshTaskStatus", () => {
  it("derives under the task's row lock: a change committed while another holder has the row is what it reads and announces", async () => {
    const taskId = await runningTask();
    const { announced, stop } = announcements(taskId);
    try {
      let refreshed: Promise<string> | undefined;
      // Another process holds the row (as a route handler's derivation would) and changes the
      // attempt meanwhile; the refresh asked for during that time must wait and see the change.
      await db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT 1 FROM "Task" WHERE id = ${taskId} FOR UPDATE`;
        refreshed = refreshTaskStatus(taskId);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await tx.attempt.update({ where: { taskId_index: { taskId, index: 0 } }, data: { status: "completed" } });
      });
      expect(await refreshed).toBe("ready");
      expect((await db.task.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("ready");
      expect(announced).toEqual(["ready"]);
    } finally {
      stop();
    }
  });

  it("many concurrent refreshes leave the status the attempts say, announced last", async () => {
    const taskId = await runningTask();
    const { announced, stop } = announcements(taskId);
    try {
      const calls = Array.from({ length: 10 }, (_, i) =>
        (i === 5 ? db.attempt.update({ where: { taskId_index: { taskId, index: 0 } }, data: { status: "cancelled" } }) : Promise.resolve()).then(() =>
          refreshTaskStatus(taskId, { force: true }),
        ),
      );
      await Promise.all(calls);
      expect(await refreshTaskStatus(taskId)).toBe("cancelled");
      expect(announced.at(-1)).toBe("cancelled");
    } finally {
      stop();
    }
  });

  it("takes the diff stats from the first attempt that changed something, then from the one applied or carried by the pull request", async () => {
    const user = await db.user.create({ data: { email: `lead-${Math.random().toString(36).slice(2)}@example.test` } });
    const environment = await db.environment.create({ data: { ownerId: user.id, label: "lead", repo: "/nowhere", defaultBranch: "main" } });
    const attempts = [
      { index: 0, status: "completed" as const },
      { index: 1, status: "completed" as const, filesChanged: 1, linesAdded: 1, linesRemoved: 0 },
      { index: 2, status: "completed" as const, filesChanged: 3, linesAdded: 7, linesRemoved: 2 },
    ];
    const create = () => db.task.create({
      data: { ownerId: user.id, environmentId: environment.id, title: "t", prompt: "t", branch: "main", status: "running", attempts: { create: attempts } },
    });
    const stats = async (id: string) => {
      const { filesChanged, linesAdded, linesRemoved } = await db.task.findUniqueOrThrow({ where: { id } });
      return { filesChanged, linesAdded, linesRemoved };
    };

    const applied = await create();
    await refreshTaskStatus(applied.id);
    expect(await stats(applied.id)).toEqual({ filesChanged: 1, linesAdded: 1, linesRemoved: 0 });
    await db.task.update({ where: { id: applied.id }, data: { appliedAt: new Date(), appliedAttempt: 2, appliedBranch: "codex/x", appliedCommit: "c" } });
    expect(await refreshTaskStatus(applied.id)).toBe("applied");
    expect(await stats(applied.id)).toEqual({ filesChanged: 3, linesAdded: 7, linesRemoved: 2 });

    const delivered = await create();
    await db.pullRequest.create({ data: { taskId: delivered.id, attempt: 2, forge: "github", url: "https://example.test/pr/1", number: 1, branch: "codex/y", commit: "c" } });
    await refreshTaskStatus(delivered.id);
    expect(await stats(delivered.id)).toEqual({ filesChanged: 3, linesAdded: 7, linesRemoved: 2 });
  });
});
