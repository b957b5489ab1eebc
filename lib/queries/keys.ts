/** react-query keys, one factory under one base key per feature. */
export type TaskListFilters = { status?: string; environmentId?: string; q?: string; archived: boolean };

export const taskKeys = {
  all: ["tasks"] as const,
  lists: () => [...taskKeys.all, "list"] as const,
  list: (filters: TaskListFilters) => [...taskKeys.lists(), filters] as const,
  detail: (id: string) => [...taskKeys.all, "detail", id] as const,
  events: (id: string) => [...taskKeys.all, "events", id] as const,
  diff: (id: string, attempt: number) => [...taskKeys.all, "diff", id, attempt] as const,
  pullRequest: (id: string) => [...taskKeys.all, "pull-request", id] as const,
};

export const environmentKeys = { all: ["environments"] as const, branches: (id: string) => ["environments", "branches", id] as const };
export const approvalKeys = { pending: ["approvals", "pending"] as const };
export const settingsKeys = { tokens: ["settings", "tokens"] as const, providerKeys: ["settings", "provider-keys"] as const, users: ["settings", "users"] as const, audit: ["audit"] as const };
