import { access } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { type RunnerFixture, startRunnerFixture } from "../test/runner-fixture";
import { drive, eventsOf, newTask } from "../test/task-driver";

// Issue 19.9: with DATA_DIR under the temporary folder, codex once refused to make its sandbox
// helper (`bwrap: execvp codex-linux-sandbox`), so every workspace-write command failed.
let fx: RunnerFixture;
beforeAll(async () => {
  fx = await startRunnerFixture({ maxRunning: 1, idleTimeoutMs: 60_000, root: path.join(os.tmpdir(), "codex-cloud-tests") });
});
afterAll(() => fx?.close());

describe("a data dir under the temporary folder", () => {
  it("runs a workspace-write command in the workspace", async () => {
    const environment = await db.environment.findUniqueOrThrow({ where: { id: fx.environmentId } });
    expect(environment.sandbox).toBe("workspace_write");
    const taskId = await newTask(fx, "/scenario run\ntouch made-in-sandbox && echo sandboxed-ok");
    expect(await drive(fx, taskId, "accept")).toBe("ready");
    const items = (await eventsOf(taskId, "item/completed")).map((e) => (e.data as { item: { type: string; command?: string; exitCode?: number; aggregatedOutput?: string } }).item);
    const ran = items.find((i) => i.type === "commandExecution" && i.command?.includes("made-in-sandbox"));
    expect(ran?.aggregatedOutput).toContain("sandboxed-ok");
    expect(ran?.exitCode).toBe(0);
    const { worktreePath } = await db.attempt.findFirstOrThrow({ where: { taskId } });
    await expect(access(path.resolve(worktreePath!, "made-in-sandbox"))).resolves.toBeUndefined();
  });
});
