import { apiFetch } from "../fetcher";
import type { TBranch } from "../schemas/environment-remote";
import type { TApplyRequest, TApplyResult, TPushResult } from "../schemas/apply";
import type { TPullRequest, TPullRequestRequest } from "../schemas/pull-requests";
import type { TApproval, TApprovalDecision } from "../schemas/approvals";
import type { TCreateEnvironmentRequest, TEnvironment, TPatchEnvironmentRequest } from "../schemas/environments";
import type { TCreateTaskRequest, TDiffFile, TTaskDetail, TTaskSummary } from "../schemas/tasks";
import type { TaskEventMessage } from "../realtime/events";
import type { TAuditEntry } from "../schemas/audit";
import type { TProviderKeyStatus } from "../schemas/settings";
import type { TApiToken, TCreatedToken, TTokenScope } from "../schemas/tokens";

export type TNewToken = { name: string; scope: TTokenScope; expiresInDays?: number };
import type { TRole, TUser } from "../schemas/users";

// Browser fetchers for the API; each passes the AbortSignal react-query gives it.
type Signal = { signal?: AbortSignal };
const post = (json: unknown) => ({ method: "POST", json });
export const EVENTS_PAGE = 5000;

export const api = {
  environments: ({ signal }: Signal = {}) => apiFetch<{ items: TEnvironment[] }>("/api/environments", { signal }).then((r) => r.items),
  createEnvironment: (body: TCreateEnvironmentRequest) => apiFetch<TEnvironment>("/api/environments", post(body)),
  updateEnvironment: (id: string, body: TPatchEnvironmentRequest) => apiFetch<TEnvironment>(`/api/environments/${id}`, { method: "PATCH", json: body }),
  deleteEnvironment: (id: string) => apiFetch<void>(`/api/environments/${id}`, { method: "DELETE" }),
  environmentBranches: (id: string, { signal }: Signal = {}) =>
    apiFetch<{ items: TBranch[] }>(`/api/environments/${id}/branches`, { signal }).then((r) => r.items),
  tasks: (query: string, { signal }: Signal = {}) =>
    apiFetch<{ items: TTaskSummary[]; nextCursor: string | null }>(`/api/tasks?${query}`, { signal }),
  task: (id: string, { signal }: Signal = {}) => apiFetch<TTaskDetail>(`/api/tasks/${id}`, { signal }),
  createTask: (body: TCreateTaskRequest) => apiFetch<TTaskDetail>("/api/tasks", post(body)),
  patchTask: (id: string, body: { archived?: boolean; title?: string }) => apiFetch<TTaskSummary>(`/api/tasks/${id}`, { method: "PATCH", json: body }),
  events: (id: string, after: number, { signal }: Signal = {}) =>
    apiFetch<{ items: TaskEventMessage[]; lastSeq: number }>(`/api/tasks/${id}/events?after=${after}&limit=${EVENTS_PAGE}`, { signal }),
  diff: (id: string, attempt: number, { signal }: Signal = {}) =>
    apiFetch<{ files: TDiffFile[] }>(`/api/tasks/${id}/diff?attempt=${attempt}&format=json`, { signal }).then((r) => r.files),
  message: (id: string, text: string, attempt?: number) => apiFetch<{ accepted: true; steered?: true }>(`/api/tasks/${id}/messages`, post({ text, attempt })),
  interrupt: (id: string) => apiFetch<unknown>(`/api/tasks/${id}/interrupt`, { method: "POST" }),
  apply: (id: string, body: TApplyRequest) => apiFetch<TApplyResult>(`/api/tasks/${id}/apply`, post(body)),
  push: (id: string) => apiFetch<TPushResult>(`/api/tasks/${id}/push`, { method: "POST" }),
  pullRequest: (id: string, { signal }: Signal = {}) => apiFetch<TPullRequest>(`/api/tasks/${id}/pull-request`, { signal }),
  deliverPullRequest: (id: string, body: TPullRequestRequest) => apiFetch<TPullRequest>(`/api/tasks/${id}/pull-request`, post(body)),
  pendingApprovals: ({ signal }: Signal = {}) => apiFetch<{ items: TApproval[] }>("/api/approvals?status=pending", { signal }).then((r) => r.items),
  decide: (id: string, decision: TApprovalDecision, message?: string) => apiFetch<TApproval>(`/api/approvals/${id}`, post({ decision, message })),
};

export const settingsApi = {
  tokens: ({ signal }: Signal = {}) => apiFetch<{ items: TApiToken[] }>("/api/tokens", { signal }).then((r) => r.items),
  createToken: (token: TNewToken) => apiFetch<TCreatedToken>("/api/tokens", post(token)),
  revokeToken: (id: string) => apiFetch<void>(`/api/tokens/${id}`, { method: "DELETE" }),
  signOutEverywhere: () => apiFetch<void>("/api/users/me/sessions/revoke", { method: "POST" }),
  providerKeys: ({ signal }: Signal = {}) => apiFetch<{ items: TProviderKeyStatus[] }>("/api/settings/provider-keys", { signal }).then((r) => r.items),
  setProviderKey: (provider: string, apiKey: string) => apiFetch<TProviderKeyStatus>(`/api/settings/provider-keys/${provider}`, { method: "PUT", json: { apiKey } }),
  users: ({ signal }: Signal = {}) => apiFetch<{ items: TUser[] }>("/api/users", { signal }).then((r) => r.items),
  setRole: (id: string, role: TRole) => apiFetch<TUser>(`/api/users/${id}`, { method: "PATCH", json: { role } }),
  setDisabled: (id: string, disabled: boolean) => apiFetch<TUser>(`/api/users/${id}`, { method: "PATCH", json: { disabled } }),
  audit: (cursor: string, { signal }: Signal = {}) =>
    apiFetch<{ items: TAuditEntry[]; nextCursor: string | null }>(`/api/audit${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`, { signal }),
};
