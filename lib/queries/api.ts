import { apiFetch } from "../fetcher";
import type { TApplyRequest, TApplyResult } from "../schemas/apply";
import type { TApproval, TApprovalDecision } from "../schemas/approvals";
import type { TCreateEnvironmentRequest, TEnvironment, TPatchEnvironmentRequest } from "../schemas/environments";
import type { TCreateTaskRequest, TDiffFile, TTaskDetail, TTaskSummary } from "../schemas/tasks";
import type { TaskEventMessage } from "../realtime/events";

// Browser fetchers for the API; each passes the AbortSignal react-query gives it.
type Signal = { signal?: AbortSignal };
const send = (method: string, json?: unknown) => ({ method, json });
export const EVENTS_PAGE = 5000;

export const api = {
  environments: ({ signal }: Signal = {}) => apiFetch<{ items: TEnvironment[] }>("/api/environments", { signal }).then((r) => r.items),
  createEnvironment: (body: TCreateEnvironmentRequest) => apiFetch<TEnvironment>("/api/environments", send("POST", body)),
  updateEnvironment: (id: string, body: TPatchEnvironmentRequest) => apiFetch<TEnvironment>(`/api/environments/${id}`, send("PATCH", body)),
  deleteEnvironment: (id: string) => apiFetch<void>(`/api/environments/${id}`, send("DELETE")),
  tasks: (query: string, { signal }: Signal = {}) =>
    apiFetch<{ items: TTaskSummary[]; nextCursor: string | null }>(`/api/tasks?${query}`, { signal }),
  task: (id: string, { signal }: Signal = {}) => apiFetch<TTaskDetail>(`/api/tasks/${id}`, { signal }),
  createTask: (body: TCreateTaskRequest) => apiFetch<TTaskDetail>("/api/tasks", send("POST", body)),
  patchTask: (id: string, body: { archived?: boolean; title?: string }) => apiFetch<TTaskSummary>(`/api/tasks/${id}`, send("PATCH", body)),
  events: (id: string, after: number, { signal }: Signal = {}) =>
    apiFetch<{ items: TaskEventMessage[]; lastSeq: number }>(`/api/tasks/${id}/events?after=${after}&limit=${EVENTS_PAGE}`, { signal }),
  diff: (id: string, attempt: number, { signal }: Signal = {}) =>
    apiFetch<{ files: TDiffFile[] }>(`/api/tasks/${id}/diff?attempt=${attempt}&format=json`, { signal }).then((r) => r.files),
  message: (id: string, text: string, attempt?: number) => apiFetch<unknown>(`/api/tasks/${id}/messages`, send("POST", { text, attempt })),
  interrupt: (id: string) => apiFetch<unknown>(`/api/tasks/${id}/interrupt`, send("POST")),
  apply: (id: string, body: TApplyRequest) => apiFetch<TApplyResult>(`/api/tasks/${id}/apply`, send("POST", body)),
  pendingApprovals: ({ signal }: Signal = {}) => apiFetch<{ items: TApproval[] }>("/api/approvals?status=pending", { signal }).then((r) => r.items),
  decide: (id: string, decision: TApprovalDecision, message?: string) => apiFetch<TApproval>(`/api/approvals/${id}`, send("POST", { decision, message })),
};
