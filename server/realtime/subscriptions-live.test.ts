import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TaskEventMessage } from "@/lib/realtime/events";
import { db } from "../db";
import { bus } from "../events/bus";
import { eventLog } from "../events/event-log";
import { type RunnerFixture, startRunnerFixture, waitFor } from "../test/runner-fixture";
import { expectGaplessLog, newTask } from "../test/task-driver";
import { TaskSubscriptions } from "./subscriptions";

let fx: RunnerFixture;
beforeAll(async () => {
  fx = await startRunnerFixture({ maxRunning: 1, idleTimeoutMs: 60_000 });
});
afterAll(() => fx?.close());

/** Resolves on the first event of the task on the bus that `match` accepts. */
function nextEvent(taskId: string, match: (e: TaskEventMessage) => boolean): Promise<TaskEventMessage> {
  return new Promise((resolve) => {
    const listener = (e: TaskEventMessage) => {
      if (e.taskId !== taskId || !match(e)) return;
      bus.off("task:event", listener);
      resolve(e);
    };
    bus.on("task:event", listener);
  });
}

function collector() {
  const events: TaskEventMessage[] = [];
  let overflows = 0;
  return { events, overflows: () => overflows, sink: { send: (e: TaskEventMessage) => void events.push(e), overflow: () => void (overflows += 1) } };
}

describe("TaskSubscriptions on a running task", () => {
  it("subscribers joining mid-stream get every event once, in order, stored and live alike", async () => {
    const subs = new TaskSubscriptions();
    const first = collector();
    const second = collector();
    const taskId = await newTask(fx, "/scenario stream 3000\nStream away");
    const isDelta = (e: TaskEventMessage) => e.type === "item/agentMessage/delta";
    const ready = nextEvent(taskId, (e) => e.type === "task/status" && (e.data as { status: string }).status === "ready");

    await nextEvent(taskId, isDelta);
    const a = await subs.subscribe(taskId, 0, first.sink);
    const from = Math.max(0, a.lastSeq - 100);
    const b = await subs.subscribe(taskId, from, second.sink);
    await ready;
    await eventLog.flush();

    const { lastSeq } = await db.task.findUniqueOrThrow({ where: { id: taskId } });
    expect(a.lastSeq).toBeLessThan(lastSeq);
    expect(first.events.length).toBeGreaterThan(3000);
    expect(first.events.map((e) => e.seq)).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));
    expect(second.events.map((e) => e.seq)).toEqual(Array.from({ length: lastSeq - from }, (_, i) => from + 1 + i));
    expect(first.overflows() + second.overflows()).toBe(0);
    const stored = await db.taskEvent.findMany({ where: { taskId }, orderBy: { seq: "asc" } });
    expect(first.events.map((e) => [e.seq, e.type])).toEqual(stored.map((e) => [e.seq, e.type]));
    a.unsubscribe();
    b.unsubscribe();
    await waitFor("the task to settle", async () => ((await db.task.findUniqueOrThrow({ where: { id: taskId } })).status === "ready" ? true : undefined));
    await expectGaplessLog(taskId);
  });
});
