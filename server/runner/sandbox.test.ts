import { access } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import { ESCAPE_PATH } from "../demo-model/scenarios/escape";
import { type RunnerFixture, startRunnerFixture } from "../test/runner-fixture";
import { drive, eventsOf, newTask } from "../test/task-driver";

let fx: RunnerFixture;
beforeAll(async () => {
  fx = await startRunnerFixture({ maxRunning: 2, idleTimeoutMs: 60_000 });
});
afterAll(() => fx?.close());

interface Item {
  type: string;
  command?: string;
  exitCode?: number | null;
  aggregatedOutput?: string | null;
  text?: string;
}

const completedItems = async (taskId: string) => (await eventsOf(taskId, "item/completed")).map((e) => (e.data as unknown as { item: Item }).item);

describe("the workspace-write sandbox", () => {
  it("refuses an approved command that writes outside the attempt's workspace", async () => {
    const environment = await db.environment.findUniqueOrThrow({ where: { id: fx.environmentId } });
    expect(environment.sandbox).toBe("workspace_write");
    const taskId = await newTask(fx, "/scenario escape\nWrite next to your workspace");
    expect(await drive(fx, taskId, "accept")).toBe("ready");
    expect(await db.approval.count({ where: { taskId, kind: "command", status: "accepted" } })).toBeGreaterThan(0);

    const { worktreePath } = await db.attempt.findFirstOrThrow({ where: { taskId } });
    await expect(access(path.resolve(worktreePath!, ESCAPE_PATH))).rejects.toThrow();
    const items = await completedItems(taskId);
    const touch = items.find((i) => i.type === "commandExecution" && i.command?.includes(`touch ${ESCAPE_PATH}`));
    expect(touch?.exitCode).not.toBe(0);
    expect(touch?.aggregatedOutput).toMatch(/Read-only file system|Permission denied/);
    expect(items.filter((i) => i.type === "agentMessage").at(-1)?.text).toBe("The sandbox refused the write outside my workspace.");
  });
});
