import { z } from "zod";
import type { TApproval } from "./approvals";

export const TASK_STATUSES = ["queued", "running", "awaiting_approval", "ready", "applied", "error", "cancelled"] as const;
export const ATTEMPT_STATUSES = ["queued", "running", "completed", "failed", "cancelled"] as const;
export type TTaskStatus = (typeof TASK_STATUSES)[number];
export type TAttemptStatus = (typeof ATTEMPT_STATUSES)[number];

export const ZCreateTaskRequest = z.strictObject({
  environmentId: z.string().min(1).max(64),
  prompt: z.string().trim().min(1, { error: "Describe the task." }).max(100_000),
  branch: z.string().trim().min(1).max(250).optional(),
  attempts: z.number().int().min(1).max(4).default(1),
  mode: z.enum(["code", "ask"]).default("code"),
});
export type TCreateTaskRequest = z.input<typeof ZCreateTaskRequest>;

const ZBoolString = z.enum(["true", "false"]).transform((v) => v === "true");

export const ZListTasksQuery = z.strictObject({
  status: z.enum(TASK_STATUSES).optional(),
  environmentId: z.string().min(1).max(64).optional(),
  q: z.string().trim().max(200).optional(),
  archived: ZBoolString.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type TListTasksQuery = z.output<typeof ZListTasksQuery>;

export const ZEventsQuery = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

export const ZSendMessageRequest = z.strictObject({
  text: z.string().trim().min(1).max(100_000),
  attempt: z.number().int().min(0).max(3).optional(),
});

export const ZPatchTaskRequest = z
  .strictObject({ archived: z.boolean().optional(), title: z.string().trim().min(1).max(200).optional() })
  .refine((v) => v.archived !== undefined || v.title !== undefined, { error: "Send archived or title." });

export interface TDiffStats {
  filesChanged: number;
  linesAdded: number;
  linesRemoved: number;
}

export interface TTaskSummary {
  id: string;
  title: string;
  prompt: string;
  environmentId: string;
  environmentLabel: string;
  branch: string;
  mode: "code" | "ask";
  status: TTaskStatus;
  attemptsTotal: number;
  diffStats: TDiffStats;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface TAttempt {
  index: number;
  threadId: string | null;
  status: TAttemptStatus;
  diffStats: TDiffStats;
  error?: string;
}

export interface TTurn {
  id: string;
  attempt: number;
  status: "inProgress" | "completed" | "interrupted" | "failed";
  prompt: string;
  startedAt: string;
  completedAt?: string;
}

export interface TTaskDetail extends TTaskSummary {
  attempts: TAttempt[];
  turns: TTurn[];
  pendingApprovals: TApproval[];
  lastSeq: number;
}

export const ZDiffQuery = z.strictObject({
  attempt: z.coerce.number().int().min(0).max(3).default(0),
  format: z.enum(["text", "json"]).default("text"),
});

export interface TDiffFile {
  path: string;
  status: "added" | "modified" | "deleted" | "renamed" | "binary";
  additions: number;
  deletions: number;
  patch: string;
}

export const ZThreadParams = z.strictObject({ threadId: z.string().min(1).max(100) });
export const ZThreadTurnRequest = ZSendMessageRequest.pick({ text: true });
