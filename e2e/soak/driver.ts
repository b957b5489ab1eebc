import { type Api, type Task, until } from "./api";
import { DRAIN_TIMEOUT_MS, POLL_EVERY_MS } from "./settings";

// Keeps one task busy until the deadline: a ticks turn, then another as a follow-up, and so on.

const PROMPT = "/scenario ticks\nSoak";

export interface TaskRun {
  taskId: string;
  turns: number;
  failedTurns: number;
}

export async function createTask(api: Api, environmentId: string): Promise<string> {
  return (await api.call<{ id: string }>("POST", "/api/tasks", { environmentId, prompt: PROMPT })).id;
}

const settled = (task: Task, turns: number) =>
  task.turns.length >= turns && task.turns.every((t) => t.completedAt) && (task.status === "ready" || task.status === "error");

/** Waits for the task's `turns`-th turn to end; returns its status. */
async function turnEnded(api: Api, taskId: string, turns: number): Promise<string> {
  const task = await until(`task ${taskId} to end turn ${turns}`, async () => {
    const t = await api.task(taskId);
    return settled(t, turns) ? t : undefined;
  }, { timeoutMs: DRAIN_TIMEOUT_MS, everyMs: POLL_EVERY_MS });
  return task.turns.at(-1)?.status ?? "unknown";
}

export async function keepBusy(api: Api, taskId: string, deadline: number): Promise<TaskRun> {
  const run: TaskRun = { taskId, turns: 1, failedTurns: 0 };
  for (;;) {
    if ((await turnEnded(api, taskId, run.turns)) !== "completed") run.failedTurns += 1;
    if (Date.now() >= deadline) return run;
    await api.call("POST", `/api/tasks/${taskId}/messages`, { text: PROMPT });
    run.turns += 1;
  }
}
