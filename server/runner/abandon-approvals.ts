import { db } from "../db";
import { bus } from "../events/bus";
import { recordAudit } from "../services/audit";
import { toApiApproval } from "../services/approval-mapper";
import { recordEvent } from "./task-state";

export const WITHDRAWN = "The agent stopped waiting for this answer (its turn ended).";

/**
 * Nobody waits for these answers any more (the agent's process died, the server restarted, the
 * turn that asked ended): the task's pending approvals (or those of `ids`) are cancelled with the
 * reason, and logged, announced and audited like any decision. Returns the ids it cancelled.
 */
export async function cancelPendingApprovals(taskId: string, reason: string, ids?: string[]): Promise<string[]> {
  const pending = await db.approval.findMany({
    where: { taskId, status: "pending", ...(ids ? { id: { in: ids } } : {}) },
    include: { task: { select: { ownerId: true } } },
  });
  const cancelled: string[] = [];
  for (const { task, ...row } of pending) {
    const data = { status: "cancelled", decision: "cancel", decidedBy: "timeout", decidedAt: new Date(), message: reason } as const;
    const { count } = await db.approval.updateMany({ where: { id: row.id, status: "pending" }, data });
    if (count === 0) continue;
    const approval = toApiApproval({ ...row, ...data });
    recordEvent(taskId, row.attempt, "approval/resolved", approval as never);
    bus.emit("approval:resolved", task.ownerId, approval);
    await recordAudit({
      ownerId: task.ownerId,
      actorId: null,
      actor: "system",
      action: "approval.decide",
      taskId,
      details: { approvalId: row.id, kind: row.kind, decision: "cancel", decidedBy: "timeout", command: row.command, message: reason },
    });
    cancelled.push(row.id);
  }
  return cancelled;
}
