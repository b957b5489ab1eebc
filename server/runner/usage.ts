import type { TokenUsageBreakdown } from "../generated/codex-protocol/v2/TokenUsageBreakdown";
import { db } from "../db";

/**
 * Keeps an attempt's token usage as codex reports it for its thread (a running total), and the
 * task's sum over its attempts, so both outlive the process. The task's row is locked, so the
 * attempts' reports are summed one at a time; a total never goes back (reports may land late).
 */
export async function recordUsage(taskId: string, attempt: number, total: TokenUsageBreakdown): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Task" WHERE id = ${taskId} FOR UPDATE`;
    await tx.attempt.updateMany({
      where: { taskId, index: attempt, totalTokens: { lte: total.totalTokens } },
      data: {
        inputTokens: total.inputTokens,
        cachedInputTokens: total.cachedInputTokens,
        outputTokens: total.outputTokens,
        reasoningTokens: total.reasoningOutputTokens,
        totalTokens: total.totalTokens,
      },
    });
    const sum = await tx.attempt.aggregate({ where: { taskId }, _sum: { totalTokens: true } });
    await tx.task.update({ where: { id: taskId }, data: { totalTokens: sum._sum.totalTokens ?? 0 } });
  });
}
