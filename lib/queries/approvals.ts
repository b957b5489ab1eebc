"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../errors";
import type { TApproval, TApprovalDecision } from "../schemas/approvals";
import type { TTaskDetail } from "../schemas/tasks";
import { api } from "./api";
import { withApproval } from "./cache";
import { approvalKeys, taskKeys } from "./keys";

/**
 * Answers an approval. It leaves the task and the pending list at once; on a failure other
 * than 409 (someone else answered first: it is gone anyway) it comes back. Both lists are
 * refetched afterwards.
 */
export function useDecideApproval(approval: TApproval) {
  const queryClient = useQueryClient();
  const detailKey = taskKeys.detail(approval.taskId);
  const put = (status: TApproval["status"]) => {
    const next = { ...approval, status };
    queryClient.setQueryData<TTaskDetail>(detailKey, (d) => d && { ...d, pendingApprovals: withApproval(d.pendingApprovals, next) });
    queryClient.setQueryData<TApproval[]>(approvalKeys.pending, (list) => list && withApproval(list, next));
  };
  return useMutation({
    mutationFn: ({ decision, message }: { decision: TApprovalDecision; message?: string }) => api.decide(approval.id, decision, message),
    onMutate: async () => {
      await queryClient.cancelQueries({ queryKey: detailKey });
      put("accepted");
    },
    onError: (error) => {
      if (!(error instanceof ApiError && error.status === 409)) put("pending");
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: detailKey });
      void queryClient.invalidateQueries({ queryKey: approvalKeys.pending });
    },
  });
}
