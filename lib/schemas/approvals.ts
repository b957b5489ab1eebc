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

export const ZApprovalChange = z.object({ path: z.string(), kind: z.enum(["add", "update", "delete"]), diff: z.string() });
export type TApprovalChange = z.infer<typeof ZApprovalChange>;

export const ZApproval = z.object({
  id: z.string(),
  taskId: z.string(),
  /** The task's title, in GET /api/approvals (the list across tasks). */
  taskTitle: z.string().optional(),
  attempt: z.number().int(),
  kind: z.enum(["command", "fileChange"]),
  /** The timeline item (the command or file change) the request is about. */
  itemId: z.string().optional(),
  command: z.string().optional(),
  cwd: z.string().optional(),
  reason: z.string().optional(),
  changes: z.array(ZApprovalChange).optional(),
  status: z.enum(["pending", "accepted", "declined", "cancelled", "timed_out"]),
  /** How it was answered: `acceptForSession` also approves the like of it for the rest of the session. */
  decision: z.enum(APPROVAL_DECISIONS).optional(),
  decidedBy: z.enum(["user", "policy", "timeout"]).optional(),
  decidedAt: z.string().optional(),
  message: z.string().optional(),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type TApproval = z.infer<typeof ZApproval>;
export const ZApprovalList = z.object({ items: z.array(ZApproval) });
