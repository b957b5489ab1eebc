import { db } from "../db";
import type { TurnStatus } from "../generated/prisma/client";
import { workspaceDiff } from "../git/diff";
import { logger } from "../logger";
import { KeyedQueue } from "./keyed-queue";
import { taskSandbox } from "./task-context";
import { recordEvent, refreshTaskStatus, setAttemptStatus } from "./task-state";

const diffQueue = new KeyedQueue();

const ATTEMPT_AFTER: Record<string, "completed" | "cancelled" | "failed"> = {
  completed: "completed",
  interrupted: "cancelled",
  failed: "failed",
};

/** A Turn row for a turn about to start on an attempt; the attempt is running from here. */
export async function beginTurn(taskId: string, attempt: number, prompt: string): Promise<string> {
  const row = await db.attempt.findUniqueOrThrow({ where: { taskId_index: { taskId, index: attempt } }, select: { id: true } });
  const turn = await db.turn.create({ data: { taskId, attemptId: row.id, prompt } });
  await setAttemptStatus(taskId, attempt, "running", { error: null });
  return turn.id;
}

export async function linkTurn(turnRowId: string, codexTurnId: string): Promise<void> {
  await db.turn.update({ where: { id: turnRowId }, data: { codexTurnId } });
}

/** Ends the attempt's turn in progress (if any) and sets the attempt's status to match. */
export async function endTurn(taskId: string, attempt: number, outcome: { status: TurnStatus; error: string | null }): Promise<void> {
  const row = await db.attempt.findUniqueOrThrow({ where: { taskId_index: { taskId, index: attempt } }, select: { id: true } });
  await db.turn.updateMany({
    where: { attemptId: row.id, status: "inProgress" },
    data: { status: outcome.status, error: outcome.error, completedAt: new Date() },
  });
  const next = ATTEMPT_AFTER[outcome.status] ?? "failed";
  await setAttemptStatus(taskId, attempt, next, { error: next === "failed" ? (outcome.error ?? "The turn failed.") : null });
}

/** Recomputes an attempt's cumulative diff from its workspace; logs `diff/updated` on change. */
export function refreshDiff(taskId: string, attempt: number): Promise<void> {
  return diffQueue.run(`${taskId}:${attempt}`, async () => {
    const row = await db.attempt.findUniqueOrThrow({ where: { taskId_index: { taskId, index: attempt } } });
    if (!row.worktreePath || !row.baseCommit) return;
    try {
      // In the sandbox: the workspace's .git is the agent's to write (hooks, fsmonitor, filters).
      const { diff, stats } = await workspaceDiff(row.worktreePath, row.baseCommit, taskSandbox(taskId).runnerFor(row.worktreePath));
      if (diff === (row.diff ?? "")) return;
      await db.attempt.update({ where: { id: row.id }, data: { diff, ...stats } });
      recordEvent(taskId, attempt, "diff/updated", { ...stats });
      await refreshTaskStatus(taskId);
    } catch (error) {
      logger.warn("diff refresh failed", { taskId, attempt, error });
    }
  });
}
