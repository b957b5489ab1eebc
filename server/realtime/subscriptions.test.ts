import { beforeAll, describe, expect, it } from "vitest";
import type { TaskEventMessage } from "@/lib/realtime/events";
import { setRuntimeEnv } from "../env";
import { testDatabaseUrl } from "../test/db";
import type { EventSink } from "./subscriptions";

beforeAll(() => setRuntimeEnv({ DATABASE_URL: testDatabaseUrl() }));

async function newTask(): Promise<string> {
  const { db } = await import("../db");
  const user = await db.user.create({ data: { email: `sub-${Math.random().toString(36).slice(2)}@example.test` } });
  const env = await db.environment.create({ data: { ownerId: user.id, label: "e", repo: "/nowhere", defaultBranch: "main" } });
  const task = await db.task.create({ data: { ownerId: user.id, environmentId: env.id, title: "t", prompt: "p", branch: "main" } });
  return task.id;
}

function collector() {
  const seqs: number[] = [];
  let overflowed = 0;
  const sink: EventSink = { send: (e: TaskEventMessage) => seqs.push(e.seq), overflow: () => (overflowed += 1) };
  return { sink, seqs, overflows: () => overflowed };
}

describe("TaskSubscriptions", () => {
  it("replays stored and unwritten events then streams live ones, each seq once, while appends go on", async () => {
    const { eventLog } = await import("../events/event-log");
    const { TaskSubscriptions } = await import("./subscriptions");
    const subs = new TaskSubscriptions();
    const taskId = await newTask();
    await eventLog.open(taskId);
    const append = (n: number) => {
      for (let i = 0; i < n; i += 1) eventLog.append(taskId, { attempt: 0, type: "item/agentMessage/delta", data: { i } });
    };
    append(700);
    await eventLog.flush();
    append(300);

    const early = collector();
    const late = collector();
    const subscribing = subs.subscribe(taskId, 0, early.sink);
    append(200);
    const { lastSeq, unsubscribe } = await subscribing;
    append(100);
    const fromMiddle = await subs.subscribe(taskId, 650, late.sink);
    append(50);
    await eventLog.flush();

    expect(early.seqs).toEqual(Array.from({ length: 1350 }, (_, i) => i + 1));
    expect(lastSeq).toBeGreaterThanOrEqual(1000);
    expect(late.seqs).toEqual(Array.from({ length: 700 }, (_, i) => i + 651));
    expect(early.overflows() + late.overflows()).toBe(0);
    unsubscribe();
    fromMiddle.unsubscribe();
    append(1);
    expect(early.seqs).toHaveLength(1350);
  });

  it("drops a subscriber that lags too far behind instead of queueing without bound", async () => {
    const { bus } = await import("../events/bus");
    const { TaskSubscriptions } = await import("./subscriptions");
    const subs = new TaskSubscriptions();
    const taskId = await newTask();
    const slow = collector();
    const subscribing = subs.subscribe(taskId, 0, slow.sink);
    for (let seq = 1; seq <= 10_001; seq += 1) {
      bus.emit("task:event", { taskId, seq, attempt: null, type: "x", data: null, at: new Date().toISOString() });
    }
    await subscribing;
    expect(slow.overflows()).toBe(1);
    expect(slow.seqs.length).toBeLessThan(10_001);
  });
});
