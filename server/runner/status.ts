import type { AttemptStatus, TaskStatus } from "../generated/prisma/client";

/**
 * The one place a task's status is derived: from its attempts, its pending approvals and
 * whether it was applied.
 */
export function deriveTaskStatus(input: { attempts: AttemptStatus[]; pendingApprovals: number; applied: boolean }): TaskStatus {
  const { attempts } = input;
  if (input.applied) return "applied";
  if (input.pendingApprovals > 0) return "awaiting_approval";
  if (attempts.includes("running")) return "running";
  if (attempts.length > 0 && attempts.every((a) => a === "queued")) return "queued";
  if (attempts.includes("queued")) return "running";
  if (attempts.includes("completed")) return "ready";
  if (attempts.length > 0 && attempts.every((a) => a === "cancelled")) return "cancelled";
  return "error";
}
