import { z } from "zod";
import { ZApproval } from "./approvals";
import { ZPullRequestSummary } from "./pull-requests";
import { ZSeq } from "./seq";

export const TASK_STATUSES = ["queued", "running", "awaiting_approval", "ready", "applied", "error", "cancelled"] as const;
export const ATTEMPT_STATUSES = ["queued", "running", "completed", "failed", "cancelled"] as const;
export type TTaskStatus = (typeof TASK_STATUSES)[number];
export type TAttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/** Longest prompt or follow-up, in characters. */
export const PROMPT_MAX_CHARS = 32 * 1024;
/** Every attempt gets the prompt: attempts × its UTF-8 bytes may be at most this. */
export const PROMPT_TOTAL_MAX_BYTES = 64 * 1024;

const ZPromptText = z.string().trim().max(PROMPT_MAX_CHARS, { error: `A prompt may be at most ${PROMPT_MAX_CHARS} characters.` });

export const ZCreateTaskRequest = z
  .strictObject({
    environmentId: z.string().min(1).max(64),
    prompt: ZPromptText.min(1, { error: "Describe the task." }),
    branch: z.string().trim().min(1).max(250).optional(),
    attempts: z.number().int().min(1).max(4).default(1),
    mode: z.enum(["code", "ask"]).default("code"),
  })
  .refine((v) => v.attempts * new TextEncoder().encode(v.prompt).length <= PROMPT_TOTAL_MAX_BYTES, {
    path: ["prompt"],
    error: `attempts × the prompt's size may be at most ${PROMPT_TOTAL_MAX_BYTES} bytes (UTF-8): shorten the prompt or use fewer attempts.`,
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
  after: z.coerce.number().pipe(ZSeq).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

export const ZSendMessageRequest = z.strictObject({
  text: ZPromptText.min(1),
  attempt: z.number().int().min(0).max(3).optional(),
});

export const ZPatchTaskRequest = z
  .strictObject({ archived: z.boolean().optional(), title: z.string().trim().min(1).max(200).optional() })
  .refine((v) => v.archived !== undefined || v.title !== undefined, { error: "Send archived or title." });

export const ZDiffStats = z.object({ filesChanged: z.number().int(), linesAdded: z.number().int(), linesRemoved: z.number().int() });
export type TDiffStats = z.infer<typeof ZDiffStats>;

export const ZTaskSummary = z.object({
  id: z.string(),
  title: z.string(),
  prompt: z.string(),
  environmentId: z.string(),
  environmentLabel: z.string(),
  branch: z.string(),
  mode: z.enum(["code", "ask"]),
  status: z.enum(TASK_STATUSES),
  attemptsTotal: z.number().int(),
  /** The lead attempt's: the one delivered (applied, or carried by the pull request), else the first that changed something. */
  diffStats: ZDiffStats,
  /** The attempt that was applied, or that the task's pull request carries. */
  deliveredAttempt: z.number().int().optional(),
  archived: z.boolean(),
  /** Tokens every attempt used together (input and output, as codex counts them). */
  totalTokens: z.number().int(),
  /** Once the task was delivered as a pull request on its environment's git host. */
  pullRequest: ZPullRequestSummary.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TTaskSummary = z.infer<typeof ZTaskSummary>;

export const ZTokenUsage = z.object({
  inputTokens: z.number().int(),
  cachedInputTokens: z.number().int(),
  outputTokens: z.number().int(),
  reasoningTokens: z.number().int(),
  totalTokens: z.number().int(),
});

export const ZAttempt = z.object({
  index: z.number().int(),
  threadId: z.string().nullable(),
  status: z.enum(ATTEMPT_STATUSES),
  diffStats: ZDiffStats,
  /** The attempt's thread's token usage, as codex last reported it. */
  usage: ZTokenUsage,
  error: z.string().optional(),
});
export type TAttempt = z.infer<typeof ZAttempt>;

export const ZTurn = z.object({
  id: z.string(),
  attempt: z.number().int(),
  status: z.enum(["inProgress", "completed", "interrupted", "failed"]),
  prompt: z.string(),
  startedAt: z.string(),
  completedAt: z.string().optional(),
});
export type TTurn = z.infer<typeof ZTurn>;

export const ZTaskDetail = ZTaskSummary.extend({
  /** How the work leaves the task: Apply as a branch on this server, or a pull request on the git host. */
  delivery: z.enum(["apply", "pullRequest"]),
  attempts: z.array(ZAttempt),
  turns: z.array(ZTurn),
  pendingApprovals: z.array(ZApproval),
  /** Once applied on a local environment: the branch made and its commit. */
  applied: z.object({ branch: z.string(), commit: z.string() }).optional(),
  lastSeq: z.number().int(),
});
export type TTaskDetail = z.infer<typeof ZTaskDetail>;

export const ZTaskList = z.object({ items: z.array(ZTaskSummary), nextCursor: z.string().nullable() });

export const ZTaskEvent = z.object({
  taskId: z.string(),
  seq: z.number().int(),
  attempt: z.number().int().nullable(),
  type: z.string(),
  data: z.unknown(),
  at: z.string(),
});
export const ZTaskEvents = z.object({ items: z.array(ZTaskEvent), lastSeq: z.number().int() });

export const ZDiffQuery = z.strictObject({
  attempt: z.coerce.number().int().min(0).max(3).default(0),
  format: z.enum(["text", "json"]).default("text"),
});

export const ZDiffFile = z.object({
  path: z.string(),
  status: z.enum(["added", "modified", "deleted", "renamed", "binary"]),
  additions: z.number().int(),
  deletions: z.number().int(),
  patch: z.string(),
});
export type TDiffFile = z.infer<typeof ZDiffFile>;

export const ZThreadParams = z.strictObject({ threadId: z.string().min(1).max(100) });
export const ZThreadTurnRequest = ZSendMessageRequest.pick({ text: true });
