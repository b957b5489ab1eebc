import { access } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { sendMessage } from "../services/tasks";
import { type RunnerFixture, startRunnerFixture, waitFor } from "../test/runner-fixture";
import { drive, expectGaplessLog, newTask, taskStatus } from "../test/task-driver";

// At most 2 app-servers; idle ones are only stopped to make room (the idle timeout is long).
let fx: RunnerFixture;
beforeAll(async () => {
  fx = await startRunnerFixture({ maxRunning: 2, idleTimeoutMs: 600_000 });
});
afterAll(() => fx?.close());

const attemptOf = (taskId: string) => db.attempt.findFirstOrThrow({ where: { taskId } });

describe("the process cap", () => {
  it("queues tasks past the cap and starts exactly one per freed slot", async () => {
    const busy = [await newTask(fx, "/scenario command\nOne"), await newTask(fx, "/scenario command\nTwo")];
    await waitFor("both tasks to wait for approval", async () =>
      (await Promise.all(busy.map(taskStatus))).every((s) => s === "awaiting_approval") ? true : undefined,
    );
    const queued = await Promise.all(["Three", "Four"].map((name) => newTask(fx, `/scenario command\n${name}`)));
    for (const taskId of queued) {
      expect(await taskStatus(taskId)).toBe("queued");
      expect(await attemptOf(taskId)).toMatchObject({ status: "queued", threadId: null });
    }
    expect([...fx.supervisor.pids().keys()].sort()).toEqual([...busy].sort());

    // The first task finishing frees one slot: one queued task starts, the other keeps waiting.
    expect(await drive(fx, busy[0]!, "accept")).toBe("ready");
    const started = await waitFor("a queued task to start", async () => {
      for (const taskId of queued) if ((await taskStatus(taskId)) === "awaiting_approval") return taskId;
      return undefined;
    });
    const waiting = queued.find((id) => id !== started)!;
    expect(await taskStatus(waiting)).toBe("queued");
    expect([...fx.supervisor.pids().keys()].sort()).toEqual([busy[1]!, started].sort());

    expect(await drive(fx, busy[1]!, "decline")).toBe("ready");
    for (const taskId of queued) expect(await drive(fx, taskId, "accept")).toBe("ready");
    const [accepted, declined, third, fourth] = await Promise.all([busy[0]!, busy[1]!, ...queued].map(attemptOf));
    for (const ran of [accepted, third, fourth]) await expect(access(path.join(ran!.worktreePath!, "approved.txt"))).resolves.toBeUndefined();
    await expect(access(path.join(declined!.worktreePath!, "approved.txt"))).rejects.toThrow();
    for (const taskId of [...busy, ...queued]) await expectGaplessLog(taskId);
  });

  it("a follow-up at the cap stops an idle process rather than exceed the cap", async () => {
    const ids = [await newTask(fx, "/scenario edit\nA"), await newTask(fx, "/scenario edit\nB"), await newTask(fx, "/scenario edit\nC")];
    for (const taskId of ids) expect(await drive(fx, taskId, "accept")).toBe("ready");
    const sleeping = ids.find((id) => !fx.supervisor.pids().has(id))!;
    expect(fx.supervisor.pids().size).toBe(2);

    await sendMessage(fx.actor, sleeping, { text: "One more thing" });
    expect(fx.supervisor.pids().has(sleeping)).toBe(true);
    expect(fx.supervisor.pids().size).toBe(2);
    expect(await drive(fx, sleeping, "accept")).toBe("ready");
    await expectGaplessLog(sleeping);
  });
});
