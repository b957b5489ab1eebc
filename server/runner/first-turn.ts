import { db } from "../db";
import type { CheckoutSource } from "./checkout-source";
import type { TaskContext } from "./task-context";
import { attemptDir } from "./task-context";
import { setupEgress } from "./task-network";
import type { TaskProcess } from "./task-process";
import { recordEvent, setAttemptStatus } from "./task-state";
import { createWorkspace, runSetupScript } from "./workspaces";

const UNSANDBOXED_WARNING =
  "SANDBOX=none: this task runs without a sandbox, as the server's own user, and can read the server's files and secrets. Use it for development only.";

/** Secret values never reach the event log, even when a setup script prints them. */
function masker(secrets: Record<string, string>): (text: string) => string {
  const values = Object.values(secrets).filter((v) => v.length >= 4);
  return (text) => values.reduce((out, v) => out.replaceAll(v, "***"), text);
}

/**
 * The start of one attempt: its workspace, the environment's setup script (streamed as
 * `setup/output`), its thread once the task's process is up, then the first turn. A failing
 * step fails the attempt with a readable reason; the other attempts go on. The setup script runs
 * in the task's sandbox with the environment's variables and secrets; the agent gets no secrets.
 */
export async function startAttempt(opts: {
  ctx: TaskContext;
  /** Where the workspace is cloned from (a remote environment's mirror, fetched once per launch). */
  source: Promise<CheckoutSource>;
  /** The task's app-server, still starting while the workspace is made. */
  process: Promise<TaskProcess>;
  index: number;
  setupTimeoutMs: number;
  setupOutputMaxBytes: number;
  /** Aborted when the user stops the task: a running setup script is killed, the attempt cancelled. */
  signal: AbortSignal;
  startTurn: (process: TaskProcess, index: number, text: string) => Promise<void>;
}): Promise<void> {
  const { ctx, index } = opts;
  const { sandbox } = ctx;
  const taskId = ctx.task.id;
  await setAttemptStatus(taskId, index, "running");
  if (sandbox.driver === "none") recordEvent(taskId, index, "sandbox/warning", { message: UNSANDBOXED_WARNING });
  const dir = attemptDir(taskId, index);
  const source = await opts.source;
  const workspace = await createWorkspace({ ...source, branch: ctx.task.branch, dir }).catch((error: Error) => {
    throw new Error(`Could not check out ${ctx.task.branch}: ${error.message}`);
  });
  await sandbox.adopt(workspace.path);
  await db.attempt.update({
    where: { taskId_index: { taskId, index } },
    data: { worktreePath: workspace.path, baseCommit: workspace.baseCommit },
  });
  if (ctx.environment.setupScript?.trim()) {
    const { access } = ctx;
    const mask = masker(access.secrets);
    recordEvent(taskId, index, "setup/started", { script: ctx.environment.setupScript });
    const result = await runSetupScript({
      script: ctx.environment.setupScript,
      start: (argv) =>
        sandbox.spawn({ argv, cwd: workspace.path, env: { ...access.variables, ...access.secrets }, egress: setupEgress(access) ?? undefined, detached: true }),
      timeoutMs: opts.setupTimeoutMs,
      maxOutputBytes: opts.setupOutputMaxBytes,
      signal: opts.signal,
      onOutput: (chunk) => recordEvent(taskId, index, "setup/output", { chunk: mask(chunk) }),
    });
    recordEvent(taskId, index, "setup/completed", { exitCode: result.exitCode });
    if (result.stopped) return setAttemptStatus(taskId, index, "cancelled");
    if (result.exitCode !== 0) throw new Error(`The setup script failed (exit code ${result.exitCode ?? "none"}); see its output above.`);
  }
  const process = await opts.process;
  const threadId = await process.startThread(index, workspace.path, ctx.settings);
  await db.attempt.update({ where: { taskId_index: { taskId, index } }, data: { threadId } });
  await opts.startTurn(process, index, ctx.task.prompt);
}
