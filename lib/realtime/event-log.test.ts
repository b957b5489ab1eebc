import { describe, expect, it } from "vitest";
import { appendEvents, EMPTY_LOG } from "./event-log";

const ev = (seq: number) => ({ taskId: "t", seq, attempt: 0, type: "x", data: null, at: "" });

describe("appendEvents", () => {
  it("keeps events in seq order, each once, whatever the order they arrive in", () => {
    const first = appendEvents(EMPTY_LOG, [ev(2), ev(1), ev(1)]);
    expect(first.log.items.map((e) => e.seq)).toEqual([1, 2]);
    const again = appendEvents(first.log, [ev(1), ev(2), ev(3)]);
    expect(again.log.items.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(again.log.lastSeq).toBe(3);
    expect(again.gap).toBe(false);
  });

  it("returns the same log when nothing is new", () => {
    const { log } = appendEvents(EMPTY_LOG, [ev(1)]);
    expect(appendEvents(log, [ev(1)]).log).toBe(log);
  });

  it("reports a gap instead of skipping over missing events", () => {
    const { log, gap } = appendEvents(EMPTY_LOG, [ev(1), ev(3)]);
    expect(log.lastSeq).toBe(1);
    expect(gap).toBe(true);
  });
});
