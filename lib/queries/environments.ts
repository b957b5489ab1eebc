"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TCreateEnvironmentRequest, TEnvironment, TPatchEnvironmentRequest } from "../schemas/environments";
import { api } from "./api";
import { environmentKeys } from "./keys";

/** Every environment; `fresh` reads them again on mount (the Environments page shows their usage). */
export function useEnvironments(opts: { fresh?: boolean } = {}) {
  return useQuery({ queryKey: environmentKeys.all, queryFn: ({ signal }) => api.environments({ signal }), ...(opts.fresh ? { staleTime: 0 } : {}) });
}

/** The environment's branches (its remote's, for a remote one); none while no environment is chosen. */
export function useEnvironmentBranches(id: string | undefined) {
  return useQuery({
    queryKey: environmentKeys.branches(id ?? ""),
    queryFn: ({ signal }) => api.environmentBranches(id!, { signal }),
    enabled: id !== undefined,
    staleTime: 30_000,
    retry: false,
  });
}

/** Creates an environment (the body was checked with ZCreateEnvironmentRequest), or patches the one with `id`. */
export function useSaveEnvironment(id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateEnvironmentRequest | TPatchEnvironmentRequest) =>
      id ? api.updateEnvironment(id, body) : api.createEnvironment(body as TCreateEnvironmentRequest),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: environmentKeys.all }),
  });
}

/** Deletes at once from the list; puts it back if the server refuses (it has tasks). */
export function useDeleteEnvironment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.deleteEnvironment(id),
    onMutate: async (id) => {
      await queryClient.cancelQueries({ queryKey: environmentKeys.all });
      const before = queryClient.getQueryData<TEnvironment[]>(environmentKeys.all);
      queryClient.setQueryData<TEnvironment[]>(environmentKeys.all, (list) => list?.filter((e) => e.id !== id));
      return { before };
    },
    onError: (_error, _id, context) => queryClient.setQueryData(environmentKeys.all, context?.before),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: environmentKeys.all }),
  });
}
