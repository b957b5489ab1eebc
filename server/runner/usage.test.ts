import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { getTask } from "../services/tasks";
import { type RunnerFixture, startRunnerFixture } from "../test/runner-fixture";
import { newTask, untilStatus } from "../test/task-driver";

let fx: RunnerFixture;
beforeAll(async () => {
  fx = await startRunnerFixture({ maxRunning: 2, idleTimeoutMs: 60_000 });
});
afterAll(() => fx?.close());

describe("token usage", () => {
  it("keeps each attempt's usage as codex reports it and the task's sum, after the process is gone", { timeout: 120_000 }, async () => {
    const environmentId = await fx.addEnvironment({ approvalPolicy: "never" });
    const taskId = await newTask(fx, "/scenario edit\nCount my tokens", { environmentId, attempts: 2 });
    expect(await untilStatus(taskId, ["ready", "error"], 90_000)).toBe("ready");
    await fx.supervisor.release(taskId);

    const events = await db.taskEvent.findMany({ where: { taskId, type: "thread/tokenUsage/updated" }, orderBy: { seq: "asc" } });
    const reported = (attempt: number) => (events.filter((e) => e.attempt === attempt).at(-1)?.data as { tokenUsage: { total: Record<string, number> } }).tokenUsage.total;
    const detail = await getTask(fx.actor, taskId);
    for (const attempt of detail.attempts) {
      const total = reported(attempt.index);
      expect(attempt.usage).toEqual({
        inputTokens: total.inputTokens,
        cachedInputTokens: total.cachedInputTokens,
        outputTokens: total.outputTokens,
        reasoningTokens: total.reasoningOutputTokens,
        totalTokens: total.totalTokens,
      });
      expect(attempt.usage.totalTokens).toBeGreaterThan(0);
    }
    expect(detail.totalTokens).toBe(detail.attempts.reduce((sum, a) => sum + a.usage.totalTokens, 0));
  });
});
