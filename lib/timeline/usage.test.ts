import { describe, expect, it } from "vitest";
import type { TTurn } from "../schemas/tasks";
import { tokenUsage, workedMs } from "./usage";

const breakdown = (n: number) => ({ totalTokens: n, inputTokens: n - 10, cachedInputTokens: 5, cacheWriteInputTokens: 0, outputTokens: 10, reasoningOutputTokens: 2 });

describe("tokenUsage", () => {
  it("takes the last report", () => {
    const events = [
      { seq: 1, type: "thread/tokenUsage/updated", data: { tokenUsage: { total: breakdown(100), last: breakdown(100), modelContextWindow: null } } },
      { seq: 2, type: "item/completed", data: {} },
      { seq: 3, type: "thread/tokenUsage/updated", data: { tokenUsage: { total: breakdown(250), last: breakdown(150), modelContextWindow: 1000 } } },
    ];
    expect(tokenUsage(events)).toEqual({ totalTokens: 250, inputTokens: 240, cachedInputTokens: 5, outputTokens: 10, reasoningOutputTokens: 2, lastTokens: 150, contextWindow: 1000 });
  });
  it("is null before codex reports any", () => expect(tokenUsage([{ seq: 1, type: "turn/started", data: {} }])).toBeNull());
});

describe("workedMs", () => {
  const turn = (attempt: number, startedAt: string, completedAt?: string): TTurn => ({ id: startedAt, attempt, status: completedAt ? "completed" : "inProgress", prompt: "", startedAt, completedAt });
  it("adds the attempt's turns, the running one up to now", () => {
    const turns = [turn(0, "2026-12-02T10:00:00Z", "2026-12-02T10:00:30Z"), turn(1, "2026-12-02T10:00:00Z", "2026-12-02T10:05:00Z"), turn(0, "2026-12-02T10:01:00Z")];
    expect(workedMs(turns, 0, Date.parse("2026-12-02T10:01:10Z"))).toBe(40_000);
  });
});
