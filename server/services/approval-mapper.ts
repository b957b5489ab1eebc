import { APPROVAL_DECISIONS, type TApproval, type TApprovalChange } from "@/lib/schemas/approvals";
import type { Approval } from "../generated/prisma/client";

export function toApiApproval(row: Approval, taskTitle?: string): TApproval {
  const decision = APPROVAL_DECISIONS.find((d) => d === row.decision);
  return {
    id: row.id,
    taskId: row.taskId,
    ...(taskTitle !== undefined ? { taskTitle } : {}),
    attempt: row.attempt,
    kind: row.kind,
    ...(row.itemId !== null ? { itemId: row.itemId } : {}),
    ...(row.command !== null ? { command: row.command } : {}),
    ...(row.cwd !== null ? { cwd: row.cwd } : {}),
    ...(row.reason !== null ? { reason: row.reason } : {}),
    ...(row.changes !== null ? { changes: row.changes as unknown as TApprovalChange[] } : {}),
    status: row.status,
    ...(decision ? { decision } : {}),
    ...(row.decidedBy ? { decidedBy: row.decidedBy } : {}),
    ...(row.decidedAt ? { decidedAt: row.decidedAt.toISOString() } : {}),
    ...(row.message ? { message: row.message } : {}),
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}
