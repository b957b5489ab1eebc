import { describe, expect, it } from "vitest";
import { ZTaskSubscribe } from "../realtime/events";
import { MAX_SEQ } from "./seq";
import { ZEventsQuery } from "./tasks";

describe("seqs from clients", () => {
  it("stop at PostgreSQL's integer range, over HTTP and over the socket", () => {
    expect(ZEventsQuery.parse({ after: String(MAX_SEQ) }).after).toBe(MAX_SEQ);
    expect(ZEventsQuery.safeParse({ after: String(MAX_SEQ + 1) }).success).toBe(false);
    expect(ZEventsQuery.safeParse({ after: "9007199254740993" }).success).toBe(false);
    expect(ZEventsQuery.parse({}).after).toBe(0);
    expect(ZTaskSubscribe.parse({ taskId: "t", afterSeq: MAX_SEQ }).afterSeq).toBe(MAX_SEQ);
    expect(ZTaskSubscribe.safeParse({ taskId: "t", afterSeq: 2 ** 31 }).success).toBe(false);
    expect(ZTaskSubscribe.parse({ taskId: "t" }).afterSeq).toBe(0);
  });
});
