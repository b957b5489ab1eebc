import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseStreamDeltas, startDemoModel, type DemoModel } from "../demo-model";
import { interruptTurn, startTurn } from "./codex-client";
import { nextNotification } from "./notifications";
import { closeSessions, openSession, paramsOf } from "./test-session";

let model: DemoModel;
beforeAll(async () => {
  model = await startDemoModel();
});
afterEach(closeSessions);
afterAll(() => model.close());

describe("turn lifecycle (real codex, demo model)", () => {
  it("fail: the turn fails with a readable error notification", async () => {
    const s = await openSession({ modelUrl: model.url });
    const done = await s.runTurn("/scenario fail");

    expect(done.turn.status).toBe("failed");
    expect(done.turn.error).toMatchObject({ message: expect.stringMatching(/^[^{}]{10,}$/), codexErrorInfo: "internalServerError" });
    const [error] = paramsOf(s.notifications, "error");
    expect(error).toEqual({ error: done.turn.error, willRetry: false, threadId: s.threadId, turnId: done.turn.id });
  });

  it("stream 500: delivers 500 deltas in order", async () => {
    const s = await openSession({ modelUrl: model.url });
    const done = await s.runTurn("/scenario stream 500");

    expect(done.turn.status).toBe("completed");
    const deltas = paramsOf(s.notifications, "item/agentMessage/delta");
    const marks = deltas.flatMap((d) => parseStreamDeltas(d.delta));
    expect(marks.map((m) => m.index)).toEqual([...Array(500).keys()]);
    const message = paramsOf(s.notifications, "item/completed").find(({ item }) => item.type === "agentMessage")?.item;
    expect(message).toMatchObject({ text: deltas.map((d) => d.delta).join("") });
  });

  it("thread/resume in a new process with the same CODEX_HOME accepts a follow-up turn", async () => {
    const first = await openSession({ modelUrl: model.url });
    expect((await first.runTurn("/scenario edit\nFirst task.")).turn.status).toBe("completed");
    await first.peer.close();

    const second = await openSession({ modelUrl: model.url, repo: first.repo, home: first.home, threadId: first.threadId });
    expect(second.peer.pid).not.toBe(first.peer.pid);
    const done = await second.runTurn("Please also note the follow-up.");

    expect(done.turn.status).toBe("completed");
    expect(await readFile(path.join(first.repo, "notes/follow-up-1.md"), "utf8")).toBe("# Follow-up\n\nPlease also note the follow-up.\n");
    expect(second.requests.map((r) => r.method)).toEqual(["item/fileChange/requestApproval"]);
  });

  it("turn/interrupt on slow ends the turn interrupted", async () => {
    const s = await openSession({ modelUrl: model.url });
    const started = nextNotification(s.peer, { method: "turn/started" });
    const completed = nextNotification(s.peer, { method: "turn/completed", timeoutMs: 30_000 });
    const { turn } = await startTurn(s.peer, { threadId: s.threadId, text: "/scenario slow\nTake your time." });
    await started;
    await interruptTurn(s.peer, { threadId: s.threadId, turnId: turn.id });

    const done = await completed;
    expect(done.turn).toMatchObject({ id: turn.id, status: "interrupted" });
    expect(s.requests).toEqual([]);
    expect(existsSync(path.join(s.repo, "notes"))).toBe(false);
  });
});
