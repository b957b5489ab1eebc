import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { sendMessage } from "../services/tasks";
import { type RunnerFixture, startRunnerFixture } from "../test/runner-fixture";
import { drive, eventsOf, expectGaplessLog, newTask, untilStatus } from "../test/task-driver";

// A model that opens its stream and then says nothing: codex gives up after the configured
// stream timeout (MODEL_STREAM_TIMEOUT_SEC on the server; 2 s here).
const STREAM_TIMEOUT_MS = 2000;

let fx: RunnerFixture;
beforeAll(async () => {
  fx = await startRunnerFixture({ maxRunning: 2, idleTimeoutMs: 60_000, modelStreamTimeoutMs: STREAM_TIMEOUT_MS });
});
afterAll(() => fx?.close());

describe("a model that hangs", () => {
  it("fails the turn with a readable error once the stream timeout passes; a follow-up still works", async () => {
    const started = Date.now();
    const taskId = await newTask(fx, "/scenario hang\nWait for a reply that never comes");
    expect(await untilStatus(taskId, ["error", "ready"])).toBe("error");
    expect(Date.now() - started).toBeGreaterThanOrEqual(STREAM_TIMEOUT_MS);
    const turn = await db.turn.findFirstOrThrow({ where: { taskId } });
    expect(turn).toMatchObject({ status: "failed", error: expect.stringMatching(/idle timeout|timed out/i) });
    const [error] = await eventsOf(taskId, "error");
    expect(error?.data).toMatchObject({ error: { message: turn.error }, willRetry: false });

    await sendMessage(fx.actor, taskId, { text: "/scenario edit\nAfter the hang" });
    expect(await drive(fx, taskId, "accept")).toBe("ready");
    await expectGaplessLog(taskId);
  });
});
