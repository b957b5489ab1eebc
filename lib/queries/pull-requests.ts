"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TPullRequestRequest } from "../schemas/pull-requests";
import { api } from "./api";
import { taskKeys } from "./keys";

/** The task's pull request, its state asked of the git host when the page opens. */
export function usePullRequest(taskId: string, enabled: boolean) {
  return useQuery({ queryKey: taskKeys.pullRequest(taskId), queryFn: ({ signal }) => api.pullRequest(taskId, { signal }), enabled, staleTime: 30_000 });
}

/** Opens the pull request, or pushes new commits to it; the task and its pull request are read again after. */
export function useDeliverPullRequest(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TPullRequestRequest) => api.deliverPullRequest(taskId, body),
    onSuccess: (pullRequest) => queryClient.setQueryData(taskKeys.pullRequest(taskId), pullRequest),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: taskKeys.detail(taskId) }),
  });
}
