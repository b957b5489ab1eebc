import { describe, expect, it } from "vitest";
import { rebuildTurns } from "./rebuild";

const at = "2026-01-01T00:00:00.000Z";
const ev = (type: string, data: unknown) => ({ type, data, at });

describe("rebuildTurns", () => {
  it("folds turn and item events, streaming deltas included, into turns with items", () => {
    const turns = rebuildTurns([
      ev("turn/started", { threadId: "t", turn: { id: "u1" } }),
      ev("item/started", { turnId: "u1", item: { id: "m1", type: "agentMessage", text: "" } }),
      ev("item/agentMessage/delta", { turnId: "u1", itemId: "m1", delta: "Hel" }),
      ev("item/agentMessage/delta", { turnId: "u1", itemId: "m1", delta: "lo" }),
      ev("item/started", { turnId: "u1", item: { id: "c1", type: "commandExecution", command: "ls", aggregatedOutput: null } }),
      ev("item/commandExecution/outputDelta", { turnId: "u1", itemId: "c1", delta: "a.txt\n" }),
      ev("turn/started", { threadId: "t", turn: { id: "u2" } }),
      ev("item/completed", { turnId: "u2", item: { id: "m2", type: "agentMessage", text: "done" } }),
      ev("turn/completed", { threadId: "t", turn: { id: "u2", status: "failed", error: { message: "boom" } } }),
    ]);
    expect(turns).toHaveLength(2);
    expect(turns[0]).toMatchObject({ id: "u1", status: "inProgress" });
    expect(turns[0]?.items).toEqual([
      { id: "m1", type: "agentMessage", text: "Hello" },
      { id: "c1", type: "commandExecution", command: "ls", aggregatedOutput: "a.txt\n" },
    ]);
    expect(turns[1]).toMatchObject({ id: "u2", status: "failed", error: "boom", completedAt: at, items: [{ id: "m2", text: "done" }] });
  });
});
