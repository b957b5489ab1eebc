import { db } from "../db";
import { eventLog } from "../events/event-log";
import { logger } from "../logger";
import { recordAudit } from "../services/audit";
import type { Supervisor } from "./supervisor";
import { recordEvent, refreshTaskStatus } from "./task-state";
import { endTurn } from "./turns";

const RESTARTED = "The server restarted while this turn was running. Send a follow-up to continue.";

/**
 * At start: queued tasks go back in the queue (oldest first); turns that were running when the
 * server stopped are marked failed with the reason, and their pending approvals declined — no
 * task is left "running" forever.
 */
/** The agent that asked is gone: its approvals are declined, with the reason, in the audit log too. */
async function declinePending(taskId: string, ownerId: string): Promise<void> {
  const pending = await db.approval.findMany({ where: { taskId, status: "pending" } });
  for (const approval of pending) {
    await db.approval.update({
      where: { id: approval.id },
      data: { status: "declined", decision: "decline", decidedBy: "timeout", decidedAt: new Date(), message: RESTARTED },
    });
    await recordAudit({
      ownerId,
      actorId: null,
      actor: "system",
      action: "approval.decide",
      taskId,
      details: { approvalId: approval.id, kind: approval.kind, decision: "decline", decidedBy: "timeout", command: approval.command, message: RESTARTED },
    });
  }
}

export async function reconcileTasks(supervisor: Supervisor): Promise<{ requeued: number; failed: number }> {
  const tasks = await db.task.findMany({
    where: { status: { in: ["queued", "running", "awaiting_approval"] } },
    orderBy: { createdAt: "asc" },
    include: { attempts: true },
  });
  let requeued = 0;
  let failed = 0;
  for (const task of tasks) {
    await eventLog.open(task.id);
    if (task.attempts.every((a) => a.status === "queued")) {
      supervisor.enqueue(task.id);
      requeued += 1;
      continue;
    }
    await declinePending(task.id, task.ownerId);
    for (const a of task.attempts.filter((x) => x.status === "running" || x.status === "queued")) {
      recordEvent(task.id, a.index, "error", { error: { message: RESTARTED }, willRetry: false });
      await endTurn(task.id, a.index, { status: "failed", error: RESTARTED });
    }
    await refreshTaskStatus(task.id, { force: true });
    failed += 1;
  }
  if (tasks.length > 0) logger.info("reconciled tasks after start", { requeued, failed });
  return { requeued, failed };
}
