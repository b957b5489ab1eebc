"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TCreateTaskRequest, TTaskDetail } from "../schemas/tasks";
import { api } from "./api";
import { type TaskPages, updateInPages } from "./cache";
import { type TaskListFilters, taskKeys } from "./keys";

const PAGE_SIZE = 20;

function listQuery(f: TaskListFilters, cursor: string): string {
  const params = new URLSearchParams({ archived: String(f.archived), limit: String(PAGE_SIZE) });
  for (const name of ["status", "environmentId", "q", "cursor"] as const) {
    const value = name === "cursor" ? cursor : f[name];
    if (value) params.set(name, value);
  }
  return params.toString();
}

/** Newest first, a page at a time; kept current by `useLiveUpdates`. */
export function useTaskList(filters: TaskListFilters) {
  return useInfiniteQuery({
    queryKey: taskKeys.list(filters),
    initialPageParam: "",
    queryFn: ({ pageParam, signal }) => api.tasks(listQuery(filters, pageParam), { signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Updates that came while the list was not on screen are not in the cache: refetch on mount.
    staleTime: 0,
  });
}

export function useTask(taskId: string) {
  return useQuery({ queryKey: taskKeys.detail(taskId), queryFn: ({ signal }) => api.task(taskId, { signal }), staleTime: 0 });
}

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateTaskRequest) => api.createTask(body),
    onSuccess: (task) => {
      queryClient.setQueryData<TTaskDetail>(taskKeys.detail(task.id), task);
      void queryClient.invalidateQueries({ queryKey: taskKeys.lists() });
    },
  });
}

/** Archives or restores a task; it leaves the list at once and comes back if the server refuses. */
export function useArchiveTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) => api.patchTask(id, { archived }),
    onMutate: async ({ id, archived }) => {
      await queryClient.cancelQueries({ queryKey: taskKeys.lists() });
      const before = queryClient.getQueriesData<TaskPages>({ queryKey: taskKeys.lists() });
      for (const [key, data] of before) {
        const task = data?.pages.flatMap((p) => p.items).find((t) => t.id === id);
        const next = data && task && updateInPages(data, { ...task, archived }, key[2] as TaskListFilters);
        if (next) queryClient.setQueryData(key, next);
      }
      return { before };
    },
    onError: (_error, _vars, context) => context?.before.forEach(([key, data]) => queryClient.setQueryData(key, data)),
    // A list first loaded while the change was in flight (e.g. the archived list opened right
    // after archiving) may hold the old answer; invalidating alone would join that fetch instead
    // of asking again, so it is cancelled first.
    onSettled: async () => {
      await queryClient.cancelQueries({ queryKey: taskKeys.lists() });
      await queryClient.invalidateQueries({ queryKey: taskKeys.lists() });
    },
  });
}

export function useSendMessage(taskId: string) {
  return useMutation({ mutationFn: ({ text, attempt }: { text: string; attempt?: number }) => api.message(taskId, text, attempt) });
}

export function useInterrupt(taskId: string) {
  return useMutation({ mutationFn: () => api.interrupt(taskId) });
}

/** Checks that an attempt's diff applies to the task's branch; writes nothing. */
export function usePreflight(taskId: string) {
  return useMutation({ mutationFn: (attempt: number) => api.apply(taskId, { attempt, preflight: true }) });
}

/** Applies an attempt's diff as a new branch; the task (applied, its branch, its stats) is read again after. */
export function useApply(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attempt: number) => api.apply(taskId, { attempt }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: taskKeys.detail(taskId) }),
  });
}

/** Pushes the applied branch to the local repository's origin. */
export function usePush(taskId: string) {
  return useMutation({ mutationFn: () => api.push(taskId) });
}
