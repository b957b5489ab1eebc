import { z } from "zod";

export const APPROVAL_DECISIONS = ["accept", "acceptForSession", "decline", "cancel"] as const;
export type TApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

export const ZDecideApprovalRequest = z.strictObject({
  decision: z.enum(APPROVAL_DECISIONS),
  message: z.string().trim().max(2000).optional(),
});
export type TDecideApprovalRequest = z.infer<typeof ZDecideApprovalRequest>;

export const ZListApprovalsQuery = z.strictObject({
  status: z.enum(["pending", "accepted", "declined", "cancelled", "timed_out"]).optional(),
});

export interface TApprovalChange {
  path: string;
  kind: "add" | "update" | "delete";
  diff: string;
}

export interface TApproval {
  id: string;
  taskId: string;
  attempt: number;
  kind: "command" | "fileChange";
  command?: string;
  cwd?: string;
  reason?: string;
  changes?: TApprovalChange[];
  status: "pending" | "accepted" | "declined" | "cancelled" | "timed_out";
  decidedBy?: "user" | "policy" | "timeout";
  decidedAt?: string;
  message?: string;
  expiresAt: string;
  createdAt: string;
}
