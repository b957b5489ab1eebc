import type { TApproval, TApprovalDecision } from "@/lib/schemas/approvals";
import type { Actor } from "../auth/actor";
import { db } from "../db";
import { bus } from "../events/bus";
import type { ApprovalStatus, DecidedBy } from "../generated/prisma/client";
import { AppError, notFound } from "../http/errors";
import { supervisor } from "../runner/supervisor";
import { recordEvent, refreshTaskStatus } from "../runner/task-state";
import { toApiApproval } from "./approval-mapper";
import { recordAudit } from "./audit";

const STATUS_OF: Record<TApprovalDecision, ApprovalStatus> = {
  accept: "accepted",
  acceptForSession: "accepted",
  decline: "declined",
  cancel: "cancelled",
};

export async function listApprovals(actor: Actor, status?: ApprovalStatus): Promise<TApproval[]> {
  const rows = await db.approval.findMany({
    where: { task: { ownerId: actor.userId }, ...(status ? { status } : {}) },
    orderBy: { createdAt: "asc" },
    take: 500,
    include: { task: { select: { title: true } } },
  });
  return rows.map(({ task, ...row }) => toApiApproval(row, task.title));
}

export interface Decision {
  approvalId: string;
  decision: TApprovalDecision;
  by: DecidedBy;
  /** The deciding user; null for policy and timeout. */
  actor: Actor | null;
  message?: string;
}

/**
 * Records a decision exactly once (a racing second decision gets 409), answers the agent,
 * logs `approval/resolved`, tells the owner's sockets and writes the audit log.
 */
export async function decideApproval(d: Decision): Promise<TApproval> {
  const status = d.by === "timeout" ? "timed_out" : STATUS_OF[d.decision];
  const { count } = await db.approval.updateMany({
    where: { id: d.approvalId, status: "pending" },
    data: { status, decision: d.decision, decidedBy: d.by, decidedById: d.actor?.userId ?? null, message: d.message, decidedAt: new Date() },
  });
  const row = await db.approval.findUnique({ where: { id: d.approvalId }, include: { task: { select: { ownerId: true } } } });
  if (!row) throw notFound("Approval");
  if (count === 0) throw new AppError("CONFLICT", `This approval was already answered (${row.status}).`);
  const approval = toApiApproval(row);
  supervisor().answerApproval({
    approvalId: row.id,
    taskId: row.taskId,
    decision: d.decision,
    message: d.message,
    threadId: row.threadId,
    turnId: row.turnId,
  });
  recordEvent(row.taskId, row.attempt, "approval/resolved", approval as never);
  bus.emit("approval:resolved", row.task.ownerId, approval);
  await recordAudit({
    ownerId: row.task.ownerId,
    actorId: d.actor?.userId ?? null,
    actor: d.actor?.email ?? d.by,
    action: "approval.decide",
    taskId: row.taskId,
    details: { approvalId: row.id, kind: row.kind, decision: d.decision, decidedBy: d.by, command: row.command, message: d.message ?? null },
  });
  await refreshTaskStatus(row.taskId);
  return approval;
}

/** A user's decision through the API: only on approvals of their own tasks. */
export async function decideApprovalAsUser(actor: Actor, approvalId: string, decision: TApprovalDecision, message?: string): Promise<TApproval> {
  const owned = await db.approval.findFirst({ where: { id: approvalId, task: { ownerId: actor.userId } }, select: { id: true } });
  if (!owned) throw notFound("Approval");
  return decideApproval({ approvalId, decision, by: "user", actor, message });
}
