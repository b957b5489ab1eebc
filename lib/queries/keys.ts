/** react-query keys, one factory under one base key per feature. */
export type TaskListFilters = { status?: string; environmentId?: string; q?: string; archived: boolean };

export const taskKeys = {
  all: ["tasks"] as const,
  lists: () => [...taskKeys.all, "list"] as const,
  list: (filters: TaskListFilters) => [...taskKeys.lists(), filters] as const,
  detail: (id: string) => [...taskKeys.all, "detail", id] as const,
  events: (id: string) => [...taskKeys.all, "events", id] as const,
  diff: (id: string, attempt: number) => [...taskKeys.all, "diff", id, attempt] as const,
};

export const environmentKeys = { all: ["environments"] as const };
export const approvalKeys = { all: ["approvals"] as const, pending: ["approvals", "pending"] as const };
