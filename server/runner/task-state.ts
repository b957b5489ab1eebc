import { db } from "../db";
import { bus } from "../events/bus";
import { eventLog } from "../events/event-log";
import { logger } from "../logger";
import type { AttemptStatus, Prisma, TaskStatus } from "../generated/prisma/client";
import { deliveredAttempt, SUMMARY_INCLUDE, toTaskSummary } from "../services/task-mapper";
import { deriveTaskStatus } from "./status";

/**
 * Appends to the task's log: at once when the log is open in this process, else once it is
 * (events recorded meanwhile keep their order: they wait on the same promise).
 */
export function recordEvent(taskId: string, attempt: number | null, type: string, data: Prisma.InputJsonValue): void {
  if (eventLog.isOpen(taskId)) {
    eventLog.append(taskId, { attempt, type, data });
    return;
  }
  eventLog.open(taskId).then(
    () => eventLog.append(taskId, { attempt, type, data }),
    (error: unknown) => logger.error("could not open the event log", { taskId, error }),
  );
}

export async function setAttemptStatus(
  taskId: string,
  index: number,
  status: AttemptStatus,
  extra: Prisma.AttemptUpdateInput = {},
): Promise<void> {
  await db.attempt.update({ where: { taskId_index: { taskId, index } }, data: { status, ...extra } });
  await refreshTaskStatus(taskId);
}

/**
 * Re-derives the task's status and diff stats from its attempts and approvals: the stats are the
 * delivered attempt's (applied, or carried by the pull request), until then those of the first
 * attempt that changed something. On a change, logs `task/status` and tells the owner's sockets
 * (`task:updated`). The task's row is locked
 * for the derivation, so callers that race (the runner, route handlers, another process) are
 * serialised by the database, and each announces its result before the next one reads.
 */
export function refreshTaskStatus(taskId: string, opts: { force?: boolean } = {}): Promise<TaskStatus> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Task" WHERE id = ${taskId} FOR UPDATE`;
    const task = await tx.task.findUniqueOrThrow({
      where: { id: taskId },
      include: { ...SUMMARY_INCLUDE, attempts: { orderBy: { index: "asc" } } },
    });
    const pendingApprovals = await tx.approval.count({ where: { taskId, status: "pending" } });
    const status = deriveTaskStatus({
      attempts: task.attempts.map((a) => a.status),
      pendingApprovals,
      applied: task.appliedAt !== null,
    });
    const delivered = deliveredAttempt(task);
    const lead = delivered !== undefined ? task.attempts.find((a) => a.index === delivered) : task.attempts.find((a) => a.filesChanged > 0) ?? task.attempts[0];
    const stats = { filesChanged: lead?.filesChanged ?? 0, linesAdded: lead?.linesAdded ?? 0, linesRemoved: lead?.linesRemoved ?? 0 };
    const changed =
      status !== task.status ||
      stats.filesChanged !== task.filesChanged ||
      stats.linesAdded !== task.linesAdded ||
      stats.linesRemoved !== task.linesRemoved;
    if (!changed && !opts.force) return status;
    const updated = await tx.task.update({
      where: { id: taskId },
      data: { status, ...stats },
      include: SUMMARY_INCLUDE,
    });
    if (status !== task.status) recordEvent(taskId, null, "task/status", { status });
    bus.emit("task:updated", updated.ownerId, toTaskSummary(updated));
    return status;
  });
}
