import { db } from "../db";
import { env } from "../env";
import { bus } from "../events/bus";
import type { Environment } from "../generated/prisma/client";
import { logger } from "../logger";
import { toApiApproval } from "../services/approval-mapper";
import { decideApproval } from "../services/approvals";
import { cancelPendingApprovals, WITHDRAWN } from "./abandon-approvals";
import { autoApproves } from "./policy";
import type { ApprovalRequest, TaskProcess } from "./task-process";
import { recordEvent, refreshTaskStatus } from "./task-state";

/**
 * An approval request from the agent: stored as a pending Approval row before anyone is asked,
 * then answered by the environment's policy, a user, or the timeout (declined).
 */
export async function raiseApproval(opts: {
  process: TaskProcess;
  ownerId: string;
  environment: Environment;
  request: ApprovalRequest;
  timers: Map<string, NodeJS.Timeout>;
}): Promise<void> {
  const { request, environment } = opts;
  const taskId = opts.process.taskId;
  // Rows saved before MAX_APPROVAL_TIMEOUT_SEC existed (or was lowered) wait no longer than it.
  const timeoutMs = Math.min(environment.approvalTimeoutSec, env().MAX_APPROVAL_TIMEOUT_SEC) * 1000;
  const row = await db.approval.create({
    data: {
      taskId,
      attempt: request.attempt,
      kind: request.kind,
      rpcId: String(request.rpcId),
      threadId: request.threadId,
      turnId: request.turnId,
      itemId: request.itemId,
      command: request.command,
      cwd: request.cwd,
      reason: request.reason,
      changes: request.changes ? (request.changes as never) : undefined,
      expiresAt: new Date(Date.now() + timeoutMs),
    },
  });
  if (!opts.process.bindApproval(row.id, request.rpcId)) {
    await cancelPendingApprovals(taskId, WITHDRAWN, [row.id]);
    await refreshTaskStatus(taskId);
    return;
  }
  const approval = toApiApproval(row);

  if (autoApproves(environment, request)) {
    await decideApproval({ approvalId: row.id, decision: "accept", by: "policy", actor: null });
    return;
  }
  recordEvent(taskId, request.attempt, "approval/requested", approval as never);
  bus.emit("approval:requested", opts.ownerId, approval);
  await refreshTaskStatus(taskId);
  const timer = setTimeout(() => {
    opts.timers.delete(row.id);
    decideApproval({ approvalId: row.id, decision: "decline", by: "timeout", actor: null }).catch((error: unknown) => {
      logger.debug("approval timeout lost the race", { approvalId: row.id, error });
    });
  }, timeoutMs);
  timer.unref();
  opts.timers.set(row.id, timer);
}
