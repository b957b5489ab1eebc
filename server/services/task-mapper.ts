import type { TApproval } from "@/lib/schemas/approvals";
import type { TAttempt, TTaskDetail, TTaskSummary, TTurn } from "@/lib/schemas/tasks";
import type { Attempt, Task, Turn } from "../generated/prisma/client";

/** What a task summary reads besides the task row: its environment's label and its pull request. */
export const SUMMARY_INCLUDE = {
  environment: { select: { label: true } },
  pullRequest: { select: { url: true, number: true, state: true, attempt: true } },
} as const;

export type TaskWithEnvironment = Task & {
  environment: { label: string };
  pullRequest: { url: string; number: number; state: "open" | "merged" | "closed"; attempt: number } | null;
};

/** The attempt the task delivered: the one applied, or the one its pull request carries. */
export function deliveredAttempt(task: Pick<Task, "appliedAttempt"> & { pullRequest: { attempt: number } | null }): number | undefined {
  return task.appliedAttempt ?? task.pullRequest?.attempt;
}

export function toTaskSummary(task: TaskWithEnvironment): TTaskSummary {
  const delivered = deliveredAttempt(task);
  return {
    id: task.id,
    title: task.title,
    prompt: task.prompt,
    environmentId: task.environmentId,
    environmentLabel: task.environment.label,
    branch: task.branch,
    mode: task.mode,
    status: task.status,
    attemptsTotal: task.attemptsTotal,
    diffStats: { filesChanged: task.filesChanged, linesAdded: task.linesAdded, linesRemoved: task.linesRemoved },
    archived: task.archived,
    totalTokens: task.totalTokens,
    ...(delivered !== undefined ? { deliveredAttempt: delivered } : {}),
    ...(task.pullRequest ? { pullRequest: { url: task.pullRequest.url, number: task.pullRequest.number, state: task.pullRequest.state } } : {}),
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
  };
}

export function toApiAttempt(attempt: Attempt): TAttempt {
  return {
    index: attempt.index,
    threadId: attempt.threadId,
    status: attempt.status,
    diffStats: { filesChanged: attempt.filesChanged, linesAdded: attempt.linesAdded, linesRemoved: attempt.linesRemoved },
    usage: {
      inputTokens: attempt.inputTokens,
      cachedInputTokens: attempt.cachedInputTokens,
      outputTokens: attempt.outputTokens,
      reasoningTokens: attempt.reasoningTokens,
      totalTokens: attempt.totalTokens,
    },
    ...(attempt.error ? { error: attempt.error } : {}),
  };
}

export function toApiTurn(turn: Turn & { attempt: { index: number } }): TTurn {
  return {
    id: turn.id,
    attempt: turn.attempt.index,
    status: turn.status,
    prompt: turn.prompt,
    startedAt: turn.startedAt.toISOString(),
    ...(turn.completedAt ? { completedAt: turn.completedAt.toISOString() } : {}),
  };
}

export function toTaskDetail(
  task: TaskWithEnvironment & { attempts: Attempt[]; turns: Array<Turn & { attempt: { index: number } }> },
  pendingApprovals: TApproval[],
  delivery: TTaskDetail["delivery"],
): TTaskDetail {
  return {
    ...toTaskSummary(task),
    delivery,
    attempts: task.attempts.map(toApiAttempt),
    turns: task.turns.map(toApiTurn),
    pendingApprovals,
    ...(task.appliedBranch && task.appliedCommit ? { applied: { branch: task.appliedBranch, commit: task.appliedCommit } } : {}),
    lastSeq: task.lastSeq,
  };
}

/** A title from the prompt: its first meaningful line, without a `/scenario` directive. */
export function titleFromPrompt(prompt: string): string {
  const lines = prompt.split("\n").map((l) => l.trim()).filter(Boolean);
  const first = lines.find((l) => !l.startsWith("/scenario")) ?? lines[0] ?? "Untitled task";
  return first.length > 80 ? `${first.slice(0, 79)}…` : first;
}
