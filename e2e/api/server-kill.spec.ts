import { rm } from "node:fs/promises";
import { expect, runDatabaseUrl, signUp, test, tokenFor } from "../fixtures";
import { appServersUnder } from "../fixtures/processes";
import { makeRepo } from "../fixtures/repo";
import { createScratchDatabase } from "../fixtures/scratch-db";
import { freePort, type ServerProcess, serverDataDir, startServerProcess } from "../fixtures/server-process";
import { createEnvironment, createTask, driveToEnd, expectGaplessLog, getTask } from "../fixtures/task-api";

const RESTARTED = /server restarted/i;

// A server of its own (data folder, database, port), killed with SIGKILL mid-turn and started
// again on the same data folder and database.
test("kill -9 of the server mid-turn: after a restart the turns fail with the reason, the approval is cancelled with it, no app-server is left over, logs are gapless, a follow-up continues", async ({ playwright }) => {
  test.setTimeout(360_000);
  const dataDir = await serverDataDir("e2e-kill");
  const database = await createScratchDatabase(runDatabaseUrl(), "codex_kill");
  const port = await freePort();
  const start = () => startServerProcess({ dataDir, databaseUrl: database.url, port });
  let server: ServerProcess | undefined = await start();
  const request = await playwright.request.newContext({ baseURL: server.baseURL });
  try {
    const headers = { authorization: `Bearer ${await tokenFor(request, await signUp(request, "kill"))}` };
    const repo = makeRepo();
    const asking = await createTask(request, headers, await createEnvironment(request, headers, { repo }), "/scenario command\nTouch a file");
    const neverAsks = await createEnvironment(request, headers, { repo, approvalPolicy: "never" });
    const ticking = await createTask(request, headers, neverAsks, "/scenario ticks\nTick on");
    await expect.poll(async () => (await getTask(request, headers, asking)).pendingApprovals.length, { timeout: 90_000 }).toBe(1);
    const [approval] = (await getTask(request, headers, asking)).pendingApprovals;
    await expect.poll(async () => (await getTask(request, headers, ticking)).lastSeq, { timeout: 90_000 }).toBeGreaterThan(10);
    expect(appServersUnder(dataDir)).toHaveLength(2);

    await server.kill("SIGKILL");
    // Orphaned app-servers see their stdin close and exit by themselves.
    await expect.poll(() => appServersUnder(dataDir), { timeout: 30_000 }).toEqual([]);
    server = await start();

    for (const taskId of [asking, ticking]) {
      const task = await getTask(request, headers, taskId);
      expect(task).toMatchObject({ status: "error", pendingApprovals: [] });
      expect(task.attempts[0]).toMatchObject({ status: "failed", error: expect.stringMatching(RESTARTED) });
      await expectGaplessLog(request, headers, taskId);
    }
    const cancelled = await (await request.get("/api/approvals?status=cancelled", { headers })).json();
    expect(cancelled.items).toEqual([expect.objectContaining({ id: approval!.id, status: "cancelled", message: expect.stringMatching(RESTARTED) })]);

    const followUp = await request.post(`/api/tasks/${asking}/messages`, { headers, data: { text: "Carry on after the restart" } });
    expect(followUp.status(), await followUp.text()).toBe(202);
    expect(await driveToEnd(request, headers, asking)).toBe("ready");
    await expectGaplessLog(request, headers, asking);
  } finally {
    await request.dispose();
    await server?.kill("SIGTERM");
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
