import { db } from "../db";
import { setupEnv } from "./setup-env";
import type { TaskContext } from "./task-context";
import { attemptDir } from "./task-context";
import type { TaskProcess } from "./task-process";
import { recordEvent, setAttemptStatus } from "./task-state";
import { createWorkspace, runSetupScript } from "./workspaces";

/**
 * The start of one attempt: its workspace, the environment's setup script (streamed as
 * `setup/output`), its thread once the task's process is up, then the first turn. A failing
 * step fails the attempt with a readable reason; the other attempts go on.
 */
export async function startAttempt(opts: {
  ctx: TaskContext;
  /** The task's app-server, still starting while the workspace is made. */
  process: Promise<TaskProcess>;
  index: number;
  setupTimeoutMs: number;
  startTurn: (process: TaskProcess, index: number, text: string) => Promise<void>;
}): Promise<void> {
  const { ctx, index } = opts;
  const taskId = ctx.task.id;
  await setAttemptStatus(taskId, index, "running");
  const dir = attemptDir(taskId, index);
  const workspace = await createWorkspace({ repo: ctx.environment.repo, branch: ctx.task.branch, dir }).catch((error: Error) => {
    throw new Error(`Could not check out ${ctx.task.branch}: ${error.message}`);
  });
  await db.attempt.update({
    where: { taskId_index: { taskId, index } },
    data: { worktreePath: workspace.path, baseCommit: workspace.baseCommit },
  });
  if (ctx.environment.setupScript?.trim()) {
    recordEvent(taskId, index, "setup/started", { script: ctx.environment.setupScript });
    const result = await runSetupScript({
      script: ctx.environment.setupScript,
      cwd: workspace.path,
      env: setupEnv(),
      timeoutMs: opts.setupTimeoutMs,
      onOutput: (chunk) => recordEvent(taskId, index, "setup/output", { chunk }),
    });
    recordEvent(taskId, index, "setup/completed", { exitCode: result.exitCode });
    if (result.exitCode !== 0) throw new Error(`The setup script failed (exit code ${result.exitCode ?? "none"}); see its output above.`);
  }
  const process = await opts.process;
  const threadId = await process.startThread(index, workspace.path, ctx.settings);
  await db.attempt.update({ where: { taskId_index: { taskId, index } }, data: { threadId } });
  await opts.startTurn(process, index, ctx.task.prompt);
}
