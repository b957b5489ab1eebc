import { db } from "../db";
import { eventLog } from "../events/event-log";
import { logger } from "../logger";
import { cancelPendingApprovals } from "./abandon-approvals";
import type { Supervisor } from "./supervisor";
import { recordEvent, refreshTaskStatus } from "./task-state";
import { endTurn } from "./turns";

const RESTARTED = "The server restarted while this turn was running. Send a follow-up to continue.";

/**
 * At start: queued tasks go back in the queue (oldest first); turns that were running when the
 * server stopped are marked failed with the reason, and their pending approvals cancelled — no
 * task is left "running" forever.
 */
export async function reconcileTasks(supervisor: Pick<Supervisor, "enqueue">): Promise<{ requeued: number; failed: number }> {
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
      supervisor.enqueue(task.id, task.ownerId);
      requeued += 1;
      continue;
    }
    await cancelPendingApprovals(task.id, RESTARTED);
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
