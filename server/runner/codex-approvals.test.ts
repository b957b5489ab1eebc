import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startDemoModel, type DemoModel } from "../demo-model";
import { closeSessions, openSession, paramsOf, type TestSession } from "./test-session";

let model: DemoModel;
beforeAll(async () => {
  model = await startDemoModel();
});
afterEach(closeSessions);
afterAll(() => model.close());

const agentMessages = (s: TestSession) =>
  paramsOf(s.notifications, "item/completed").flatMap(({ item }) => (item.type === "agentMessage" ? [item.text] : []));

describe("approvals under untrusted + workspace-write (real codex, demo model)", () => {
  it("edit: asks to approve the file change, then writes CODEX_DEMO.md", async () => {
    const s = await openSession({ modelUrl: model.url });
    const done = await s.runTurn("/scenario edit\nWrite the release notes.");

    expect(done.turn.status).toBe("completed");
    expect(await readFile(path.join(s.repo, "CODEX_DEMO.md"), "utf8")).toBe("Write the release notes.\n");
    expect(s.requests).toHaveLength(1);
    const [request] = s.requests;
    if (request?.method !== "item/fileChange/requestApproval") throw new Error(`expected a file-change approval, got ${request?.method}`);
    expect(request.params).toMatchObject({ threadId: s.threadId, turnId: done.turn.id, reason: null });
    const started = paramsOf(s.notifications, "item/started").find(({ item }) => item.id === request.params.itemId)?.item;
    expect(started).toEqual(
      expect.objectContaining({
        type: "fileChange",
        status: "inProgress",
        changes: [{ path: path.join(s.repo, "CODEX_DEMO.md"), kind: { type: "add" }, diff: "Write the release notes.\n" }],
      }),
    );
    expect(paramsOf(s.notifications, "serverRequest/resolved")).toContainEqual({ threadId: s.threadId, requestId: request.id });
    expect(paramsOf(s.notifications, "turn/diff/updated").at(-1)?.diff).toContain("+++ b/CODEX_DEMO.md");
    expect(agentMessages(s)).toEqual(["Added CODEX_DEMO.md with the task text."]);
  });

  it("command accepted: the command runs", async () => {
    const s = await openSession({ modelUrl: model.url, decide: "accept" });
    const done = await s.runTurn("/scenario command");

    expect(done.turn.status).toBe("completed");
    expect(s.requests.map((r) => r.method)).toEqual(["item/commandExecution/requestApproval"]);
    expect(s.requests[0]?.params).toMatchObject({ command: expect.stringContaining("touch approved.txt"), cwd: s.repo });
    expect(existsSync(path.join(s.repo, "approved.txt"))).toBe(true);
    expect(agentMessages(s)).toEqual(["The command ran: approved.txt was created."]);
  });

  it("command declined: nothing runs and the closing message says so", async () => {
    const s = await openSession({ modelUrl: model.url, decide: "decline" });
    const done = await s.runTurn("/scenario command");

    expect(done.turn.status).toBe("completed");
    expect(existsSync(path.join(s.repo, "approved.txt"))).toBe(false);
    const item = paramsOf(s.notifications, "item/completed").find(({ item }) => item.type === "commandExecution")?.item;
    expect(item).toMatchObject({ status: "declined", exitCode: null });
    expect(agentMessages(s)).toEqual(["The command did not run: approved.txt was not created."]);
  });

  it("demo: reads the repo, runs a write command, adds a file, edits README.md, summarises", async () => {
    const s = await openSession({ modelUrl: model.url });
    const done = await s.runTurn("Tidy up the docs.");

    expect(done.turn.status).toBe("completed");
    expect(s.requests.map((r) => r.method)).toEqual([
      "item/commandExecution/requestApproval",
      "item/commandExecution/requestApproval",
      "item/commandExecution/requestApproval",
      "item/fileChange/requestApproval",
    ]);
    expect(await readFile(path.join(s.repo, "notes/demo-run.txt"), "utf8")).toBe("Notes from the Codex demo run.\n");
    expect(await readFile(path.join(s.repo, "CODEX_DEMO.md"), "utf8")).toBe("# Codex demo\n\nTidy up the docs.\n");
    expect(await readFile(path.join(s.repo, "README.md"), "utf8")).toBe("# Demo\n\n## Codex demo\n\nThis line was added by the Codex demo run.\n");
    expect(agentMessages(s).at(-1)).toBe(
      [
        "Summary of the demo run:",
        "- Looked around with `ls` and `git status`.",
        "- Wrote notes/demo-run.txt with a shell command.",
        "- Added CODEX_DEMO.md and appended a section to README.md.",
      ].join("\n"),
    );
  });
});
