"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TRole, TUser } from "../schemas/users";
import { settingsApi } from "./api";
import { settingsKeys } from "./keys";

/** Every user with their role (administrators only: the server answers 403 to members). */
export function useUsers() {
  return useQuery({ queryKey: settingsKeys.users, queryFn: ({ signal }) => settingsApi.users({ signal }) });
}

/** Changes a role at once in the list; puts it back if the server refuses (the last admin). */
export function useSetRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, role }: { id: string; role: TRole }) => settingsApi.setRole(id, role),
    onMutate: async ({ id, role }) => {
      await queryClient.cancelQueries({ queryKey: settingsKeys.users });
      const before = queryClient.getQueryData<TUser[]>(settingsKeys.users);
      queryClient.setQueryData<TUser[]>(settingsKeys.users, (list) => list?.map((u) => (u.id === id ? { ...u, role } : u)));
      return { before };
    },
    onError: (_error, _vars, context) => queryClient.setQueryData(settingsKeys.users, context?.before),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: settingsKeys.users }),
  });
}

/** Disables or enables a user; the list is refetched with the server's answer. */
export function useSetDisabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, disabled }: { id: string; disabled: boolean }) => settingsApi.setDisabled(id, disabled),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: settingsKeys.users }),
  });
}
