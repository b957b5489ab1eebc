"use client";

import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { matchesFilters, type TaskPages, updateInPages, withApproval, withSummary } from "../queries/cache";
import { approvalKeys, type TaskListFilters, taskKeys } from "../queries/keys";
import { ZApproval } from "../schemas/approvals";
import { type TTaskDetail, ZTaskSummary } from "../schemas/tasks";
import { getSocket } from "./socket";

function onTaskUpdated(queryClient: QueryClient, payload: unknown): void {
  const parsed = ZTaskSummary.safeParse(payload);
  if (!parsed.success) return;
  const task = parsed.data;
  queryClient.setQueryData<TTaskDetail>(taskKeys.detail(task.id), (d) => d && withSummary(d, task));
  void queryClient.invalidateQueries({ queryKey: taskKeys.detail(task.id) });
  for (const [key, data] of queryClient.getQueriesData<TaskPages>({ queryKey: taskKeys.lists() })) {
    if (!data) continue;
    const filters = key[2] as TaskListFilters;
    const next = updateInPages(data, task, filters);
    if (next) queryClient.setQueryData(key, next);
    else if (matchesFilters(task, filters)) void queryClient.invalidateQueries({ queryKey: key, exact: true });
  }
}

function onApproval(queryClient: QueryClient, payload: unknown): void {
  const parsed = ZApproval.safeParse(payload);
  if (!parsed.success) return;
  const approval = parsed.data;
  queryClient.setQueryData<TTaskDetail>(taskKeys.detail(approval.taskId), (d) =>
    d && { ...d, pendingApprovals: withApproval(d.pendingApprovals, approval) },
  );
  queryClient.setQueryData<typeof approval[]>(approvalKeys.pending, (list) => list && withApproval(list, approval));
}

/**
 * Keeps cached tasks and approvals current from the owner-wide socket events
 * (`task:updated`, `approval:requested`, `approval:resolved`); after a reconnect, refetches
 * what may have changed meanwhile. Mount once, in the shell.
 */
export function useLiveUpdates(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const socket = getSocket();
    const task = (payload: unknown) => onTaskUpdated(queryClient, payload);
    const approval = (payload: unknown) => onApproval(queryClient, payload);
    socket.on("task:updated", task);
    socket.on("approval:requested", approval);
    socket.on("approval:resolved", approval);
    const refetch = () => void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== "environments" });
    socket.io.on("reconnect", refetch);
    return () => {
      socket.io.off("reconnect", refetch);
      socket.off("task:updated", task);
      socket.off("approval:requested", approval);
      socket.off("approval:resolved", approval);
    };
  }, [queryClient]);
}
