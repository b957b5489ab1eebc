import type { Prisma } from "../generated/prisma/client";
import { db } from "../db";

export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.sign_out_everywhere"
  | "user.signup_taken"
  | "user.create"
  | "user.role_change"
  | "user.disable"
  | "user.enable"
  | "auth.sign_in_disabled"
  | "token.create"
  | "task.push"
  | "pull_request.push"
  | "pull_request.push_undone"
  | "pull_request.create"
  | "pull_request.update"
  | "token.revoke"
  | "task.create"
  | "task.interrupt"
  | "task.archive"
  | "approval.decide"
  | "task.apply"
  | "provider_key.set"
  | "provider_key.delete";

export interface AuditEntry {
  /** Whose account or task this is about (who can read it); defaults to the actor. */
  ownerId?: string | null;
  /** The user who acted, or null for the system (policy, timeout). */
  actorId: string | null;
  /** Display form of the actor: an email, "policy", "timeout", "system". */
  actor: string;
  action: AuditAction;
  taskId?: string;
  details?: Prisma.InputJsonObject;
}

export async function recordAudit(entry: AuditEntry, tx: Prisma.TransactionClient = db): Promise<void> {
  await tx.auditLog.create({
    data: {
      ownerId: entry.ownerId === undefined ? entry.actorId : entry.ownerId,
      actorId: entry.actorId,
      actor: entry.actor,
      action: entry.action,
      taskId: entry.taskId,
      details: entry.details ?? {},
    },
  });
}
