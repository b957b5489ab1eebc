import type { InfiniteData } from "@tanstack/react-query";
import type { TApproval } from "../schemas/approvals";
import type { TTaskDetail, TTaskSummary } from "../schemas/tasks";
import type { TaskListFilters } from "./keys";

// Pure updates of cached server state, applied when a live event or a mutation says what changed.

export type TaskPage = { items: TTaskSummary[]; nextCursor: string | null };
export type TaskPages = InfiniteData<TaskPage, string>;

export function matchesFilters(task: TTaskSummary, f: TaskListFilters): boolean {
  const q = f.q?.toLowerCase();
  return (
    task.archived === f.archived &&
    (!f.status || task.status === f.status) &&
    (!f.environmentId || task.environmentId === f.environmentId) &&
    (!q || task.title.toLowerCase().includes(q) || task.prompt.toLowerCase().includes(q))
  );
}

/** The list with the task replaced, or dropped when it no longer matches; undefined if it was not listed. */
export function updateInPages(data: TaskPages, task: TTaskSummary, filters: TaskListFilters): TaskPages | undefined {
  if (!data.pages.some((p) => p.items.some((t) => t.id === task.id))) return undefined;
  const keep = matchesFilters(task, filters);
  const pages = data.pages.map((p) => ({
    ...p,
    items: p.items.flatMap((t) => (t.id !== task.id ? [t] : keep ? [task] : [])),
  }));
  return { ...data, pages };
}

export function withSummary(detail: TTaskDetail, summary: TTaskSummary): TTaskDetail {
  return { ...detail, ...summary };
}

/** Adds a pending approval, or removes it once it is no longer pending. */
export function withApproval(list: TApproval[], approval: TApproval): TApproval[] {
  const others = list.filter((a) => a.id !== approval.id);
  return approval.status === "pending" ? [...others, approval] : others;
}
