import { describe, expect, it } from "vitest";
import { awaitingApproval, buildTimeline, type TimelineEvent } from "./build";

let seq = 0;
const ev = (type: string, data: unknown): TimelineEvent => ({ seq: ++seq, type, data });
const turnId = "turn-1";
const item = (i: Record<string, unknown>) => ({ item: i, turnId });

describe("buildTimeline", () => {
  it("shows setup, then a turn's items, plan, approvals and errors in order", () => {
    const approval = { id: "a1", taskId: "t", attempt: 0, kind: "command", command: "ls", status: "pending", expiresAt: "", createdAt: "" };
    const timeline = buildTimeline([
      ev("setup/started", { script: "npm ci" }),
      ev("setup/output", { chunk: "added 1 package\n" }),
      ev("setup/completed", { exitCode: 0 }),
      ev("turn/started", { turn: { id: turnId } }),
      ev("item/started", item({ id: "u", type: "userMessage", content: [{ type: "text", text: "Fix it" }] })),
      ev("item/started", item({ id: "m", type: "agentMessage", text: "" })),
      ev("item/agentMessage/delta", { itemId: "m", delta: "Look", turnId }),
      ev("item/agentMessage/delta", { itemId: "m", delta: "ing", turnId }),
      ev("turn/plan/updated", { turnId, explanation: null, plan: [{ step: "Read", status: "inProgress" }] }),
      ev("turn/plan/updated", { turnId, explanation: null, plan: [{ step: "Read", status: "completed" }] }),
      ev("item/started", item({ id: "c", type: "commandExecution", command: "ls", aggregatedOutput: null })),
      ev("approval/requested", approval),
      ev("approval/resolved", { ...approval, status: "declined" }),
      ev("item/commandExecution/outputDelta", { itemId: "c", delta: "a.txt\n", turnId }),
      ev("error", { error: { message: "boom" }, turnId }),
      ev("turn/completed", { turn: { id: turnId, status: "failed", error: { message: "boom" } } }),
    ]);
    expect(timeline.setup).toEqual({ script: "npm ci", output: "added 1 package\n", exitCode: 0 });
    const [turn] = timeline.turns;
    expect(turn).toMatchObject({ prompt: "Fix it", status: "failed", error: "boom" });
    expect(turn?.entries.map((e) => e.kind)).toEqual(["item", "plan", "item", "approval", "error"]);
    expect(turn?.entries[0]).toMatchObject({ item: { text: "Looking" } });
    expect(turn?.entries[1]).toMatchObject({ steps: [{ step: "Read", status: "completed" }] });
    expect(turn?.entries[2]).toMatchObject({ item: { aggregatedOutput: "a.txt\n" } });
    expect(turn?.entries[3]).toMatchObject({ approval: { status: "declined" } });
  });

  it("lets the completed item replace streamed text and accumulates reasoning summaries", () => {
    const timeline = buildTimeline([
      ev("turn/started", { turn: { id: turnId } }),
      ev("item/agentMessage/delta", { itemId: "m", delta: "Draf", turnId }),
      ev("item/completed", item({ id: "m", type: "agentMessage", text: "Final" })),
      ev("item/reasoning/summaryTextDelta", { itemId: "r", delta: "Think", summaryIndex: 0, turnId }),
      ev("item/reasoning/summaryTextDelta", { itemId: "r", delta: "ing", summaryIndex: 0, turnId }),
    ]);
    expect(timeline.turns[0]?.entries).toMatchObject([{ item: { text: "Final" } }, { item: { type: "reasoning", summary: ["Thinking"] } }]);
  });

  it("collects the sandbox's warnings as notices, before the setup and the turns", () => {
    const timeline = buildTimeline([
      { seq: 1, type: "sandbox/warning", data: { message: "SANDBOX=none: unsandboxed" } },
      { seq: 2, type: "setup/started", data: { script: "true" } },
    ]);
    expect(timeline.notices).toEqual(["SANDBOX=none: unsandboxed"]);
    expect(timeline.setup).toEqual({ script: "true", output: "" });
  });

  it("knows which items wait for an approval, until it is answered", () => {
    const approval = { id: "a1", taskId: "t", attempt: 0, kind: "command", itemId: "c", command: "ls", status: "pending", expiresAt: "", createdAt: "" };
    const asked = [
      ev("turn/started", { turn: { id: turnId } }),
      ev("item/started", item({ id: "c", type: "commandExecution", command: "ls", status: "inProgress" })),
      ev("item/started", item({ id: "d", type: "commandExecution", command: "pwd", status: "inProgress" })),
      ev("approval/requested", approval),
    ];
    expect([...awaitingApproval(buildTimeline(asked).turns[0]!)]).toEqual(["c"]);
    const answered = buildTimeline([...asked, ev("approval/resolved", { ...approval, status: "accepted", decision: "acceptForSession" })]);
    expect(awaitingApproval(answered.turns[0]!).size).toBe(0);
  });
});
