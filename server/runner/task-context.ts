import path from "node:path";
import { db } from "../db";
import { env } from "../env";
import type { Attempt, Environment, Task } from "../generated/prisma/client";
import { policyToApi, sandboxToApi } from "../services/environment-mapper";
import { TaskSandbox } from "../sandbox/task-sandbox";
import { type EnvironmentEnv, environmentEnv } from "../services/environment-env";
import type { ThreadSettings } from "./task-process";

export interface TaskContext {
  task: Task;
  environment: Environment;
  attempts: Attempt[];
  /** DATA_DIR/tasks/<id>: the task's CODEX_HOME and attempt workspaces live here. */
  dir: string;
  settings: ThreadSettings;
  /** Where everything run for the task runs; its folders are made by loadTaskContext. */
  sandbox: TaskSandbox;
  /** The environment's network setting, variables and (decrypted) secrets. */
  access: EnvironmentEnv;
}

export const taskDir = (taskId: string) => path.join(env().DATA_DIR, "tasks", taskId);
export const attemptDir = (taskId: string, index: number) => path.join(taskDir(taskId), `attempt-${index}`);
export const taskSandbox = (taskId: string) => new TaskSandbox(taskId, taskDir(taskId));

export async function loadTaskContext(taskId: string): Promise<TaskContext> {
  const task = await db.task.findUniqueOrThrow({
    where: { id: taskId },
    include: { environment: true, attempts: { orderBy: { index: "asc" } } },
  });
  const { environment, attempts, ...rest } = task;
  // "Ask" tasks answer questions about the code: read-only, nothing to approve.
  const settings: ThreadSettings =
    task.mode === "ask"
      ? { approvalPolicy: "never", sandbox: "read-only" }
      : { approvalPolicy: policyToApi(environment.approvalPolicy), sandbox: sandboxToApi(environment.sandbox) };
  const sandbox = taskSandbox(taskId);
  // Every workspace folder exists before the app-server starts (see TaskSandbox.prepare).
  await sandbox.prepare(attempts.map((a) => a.worktreePath ?? attemptDir(taskId, a.index)));
  return { task: rest, environment, attempts, dir: taskDir(taskId), settings, sandbox, access: environmentEnv(environment) };
}
