import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { ListParams, Role, TList, TUser, TUserCreate, TUserPatch } from './types';

export type UserListParams = ListParams & { unitId?: string; role?: Role; active?: boolean };

export const usersKey = ['users'] as const;

export function useUsers(params: UserListParams, enabled = true) {
  return useQuery({
    queryKey: [...usersKey, params],
    queryFn: ({ signal }) => api.get<TList<TUser>>('/users', params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUserCreate) => api.post<TUser>('/users', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, patch }: { userId: string; patch: TUserPatch }) => api.patch<TUser>(`/users/${userId}`, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ userId, password }: { userId: string; password: string }) =>
      api.post<void>(`/users/${userId}/reset-password`, { password }),
  });
}
