import { z } from "zod";
import { ZApplyRequest, ZApplyResult, ZPushResult } from "@/lib/schemas/apply";
import { ZPullRequest, ZPullRequestRequest } from "@/lib/schemas/pull-requests";
import { ZApproval, ZApprovalList, ZDecideApprovalRequest, ZListApprovalsQuery } from "@/lib/schemas/approvals";
import { ZAuditList, ZAuditQuery } from "@/lib/schemas/audit";
import { ZBranchList } from "@/lib/schemas/environment-remote";
import { ZCreateEnvironmentRequest, ZEnvironment, ZPatchEnvironmentRequest } from "@/lib/schemas/environments";
import {
  ZCreateTaskRequest, ZDiffQuery, ZEventsQuery, ZListTasksQuery, ZPatchTaskRequest, ZSendMessageRequest,
  ZTaskDetail, ZTaskEvents, ZTaskList, ZTaskSummary, ZThreadParams, ZThreadTurnRequest,
} from "@/lib/schemas/tasks";
import { ZApiToken, ZCreatedToken, ZCreateTokenRequest, ZIdParams } from "@/lib/schemas/tokens";
import { ZProviderKeyList, ZProviderKeyStatus, ZProviderParams, ZPutProviderKeyRequest } from "@/lib/schemas/settings";
import { ZCreateUserRequest, ZCreateUserResponse, ZPatchUserRequest, ZUser, ZUserList } from "@/lib/schemas/users";

export interface RouteDoc {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  /** false: no credentials needed. */
  auth?: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  status?: number;
  /** A zod schema for a JSON answer, a media type for a text one, or nothing (204). */
  response?: z.ZodType | "text/x-diff" | "text/x-patch";
}

const accepted = z.object({ accepted: z.literal(true) });
const items = <T extends z.ZodType>(schema: T) => z.object({ items: z.array(schema) });
const health = z.object({ ok: z.boolean(), db: z.enum(["up", "down"]), codex: z.string(), sandbox: z.enum(["bubblewrap", "none"]) });
const thread = z.object({ id: z.string(), taskId: z.string(), attempt: z.number().int(), status: z.string(), turns: z.array(z.record(z.string(), z.unknown())) });

/** Every route of the HTTP API, as API.md describes it. */
export const ROUTES: RouteDoc[] = [
  { method: "get", path: "/api/health", summary: "Liveness, database and codex version", auth: false, response: health },
  { method: "post", path: "/api/users", summary: "Sign up", auth: false, body: ZCreateUserRequest, status: 201, response: ZCreateUserResponse },
  { method: "get", path: "/api/users", summary: "List users and their roles (administrators)", response: ZUserList },
  { method: "patch", path: "/api/users/{id}", summary: "Change a user's role (administrators; the last administrator stays)", params: ZIdParams, body: ZPatchUserRequest, response: ZUser },
  { method: "get", path: "/api/tokens", summary: "List personal access tokens", response: items(ZApiToken) },
  { method: "post", path: "/api/tokens", summary: "Create a token (signed in, or with email and password)", auth: false, body: ZCreateTokenRequest, status: 201, response: ZCreatedToken },
  { method: "delete", path: "/api/tokens/{id}", summary: "Revoke a token", params: ZIdParams, status: 204 },
  { method: "get", path: "/api/environments", summary: "List environments (shared by every user)", response: items(ZEnvironment) },
  { method: "post", path: "/api/environments", summary: "Create an environment (administrators)", body: ZCreateEnvironmentRequest, status: 201, response: ZEnvironment },
  { method: "get", path: "/api/environments/{id}", summary: "Read an environment", params: ZIdParams, response: ZEnvironment },
  { method: "patch", path: "/api/environments/{id}", summary: "Change an environment (administrators)", params: ZIdParams, body: ZPatchEnvironmentRequest, response: ZEnvironment },
  { method: "delete", path: "/api/environments/{id}", summary: "Delete an environment without tasks (administrators)", params: ZIdParams, status: 204 },
  { method: "get", path: "/api/environments/{id}/branches", summary: "The environment's branches, from its remote or its repository on this server", params: ZIdParams, response: ZBranchList },
  { method: "get", path: "/api/tasks", summary: "List tasks, newest first", query: ZListTasksQuery, response: ZTaskList },
  { method: "post", path: "/api/tasks", summary: "Create a task", body: ZCreateTaskRequest, status: 201, response: ZTaskDetail },
  { method: "get", path: "/api/tasks/{id}", summary: "Read a task", params: ZIdParams, response: ZTaskDetail },
  { method: "patch", path: "/api/tasks/{id}", summary: "Archive or rename a task", params: ZIdParams, body: ZPatchTaskRequest, response: ZTaskSummary },
  { method: "get", path: "/api/tasks/{id}/events", summary: "Events after a seq", params: ZIdParams, query: ZEventsQuery, response: ZTaskEvents },
  { method: "get", path: "/api/tasks/{id}/diff", summary: "An attempt's cumulative diff (text, or ?format=json)", params: ZIdParams, query: ZDiffQuery, response: "text/x-diff" },
  { method: "get", path: "/api/tasks/{id}/patch", summary: "The same diff as a .patch download", params: ZIdParams, query: ZDiffQuery.pick({ attempt: true }), response: "text/x-patch" },
  { method: "post", path: "/api/tasks/{id}/messages", summary: "A follow-up turn, or the text added to the running turn (steered: true)", params: ZIdParams, body: ZSendMessageRequest, status: 202, response: accepted.extend({ steered: z.literal(true).optional() }) },
  { method: "post", path: "/api/tasks/{id}/interrupt", summary: "Interrupt running turns", params: ZIdParams, status: 202, response: accepted },
  { method: "post", path: "/api/tasks/{id}/apply", summary: "Preflight or apply as a new branch", params: ZIdParams, body: ZApplyRequest, response: ZApplyResult },
  { method: "post", path: "/api/tasks/{id}/push", summary: "Push the applied branch to the local repository's origin", params: ZIdParams, response: ZPushResult },
  { method: "post", path: "/api/tasks/{id}/pull-request", summary: "Open the task's pull request on its git host (201), or push new commits to it (200)", params: ZIdParams, body: ZPullRequestRequest, status: 201, response: ZPullRequest },
  { method: "get", path: "/api/tasks/{id}/pull-request", summary: "The task's pull request with its state on the git host", params: ZIdParams, response: ZPullRequest },
  { method: "get", path: "/api/threads/{threadId}", summary: "A thread rebuilt from the event log", params: ZThreadParams, response: thread },
  { method: "post", path: "/api/threads/{threadId}/turns", summary: "A follow-up on one thread", params: ZThreadParams, body: ZThreadTurnRequest, status: 202, response: accepted },
  { method: "get", path: "/api/approvals", summary: "Approvals across the caller's tasks", query: ZListApprovalsQuery, response: ZApprovalList },
  { method: "post", path: "/api/approvals/{id}", summary: "Decide an approval", params: ZIdParams, body: ZDecideApprovalRequest, response: ZApproval },
  { method: "get", path: "/api/settings/provider-keys", summary: "Which provider keys the caller has set", response: ZProviderKeyList },
  { method: "put", path: "/api/settings/provider-keys/{provider}", summary: "Set a provider API key (write-only)", params: ZProviderParams, body: ZPutProviderKeyRequest, response: ZProviderKeyStatus },
  { method: "delete", path: "/api/settings/provider-keys/{provider}", summary: "Remove a provider API key", params: ZProviderParams, status: 204 },
  { method: "get", path: "/api/audit", summary: "The caller's audit trail", query: ZAuditQuery, response: ZAuditList },
];
