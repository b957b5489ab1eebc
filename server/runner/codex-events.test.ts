import { describe, expect, it } from "vitest";
import { eventThreadId, toRunnerEvent } from "./codex-events";
import type { ServerNotification } from "./rpc-types";

describe("toRunnerEvent", () => {
  it("keeps turn and item events and drops process-wide noise", () => {
    const delta = { method: "item/agentMessage/delta", params: { threadId: "t1", turnId: "u1", itemId: "i1", delta: "hi" } } as ServerNotification;
    const noise = { method: "remoteControl/status/changed", params: {} } as ServerNotification;
    expect(toRunnerEvent(delta)).toBe(delta);
    expect(toRunnerEvent(noise)).toBeNull();
  });

  it("finds the thread an event belongs to", () => {
    const started = toRunnerEvent({ method: "thread/started", params: { thread: { id: "t2" } } } as ServerNotification);
    const warning = toRunnerEvent({ method: "configWarning", params: { summary: "x", details: null } } as ServerNotification);
    const diff = toRunnerEvent({ method: "turn/diff/updated", params: { threadId: "t3", turnId: "u", diff: "" } });
    expect([started, warning, diff].map((e) => e && eventThreadId(e))).toEqual(["t2", null, "t3"]);
  });
});
