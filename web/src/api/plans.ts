import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { TItems, TNode, TNodeCreate, TNodeMove, TNodePatch, TPlan } from './types';

export const plansKey = ['plans'] as const;
export const nodesKey = (planId: string) => ['plans', planId, 'nodes'] as const;

export function usePlans() {
  return useQuery({
    queryKey: plansKey,
    queryFn: ({ signal }) => api.get<TItems<TPlan>>('/plans', undefined, signal),
  });
}

export function usePlanNodes(planId: string | undefined) {
  return useQuery({
    queryKey: nodesKey(planId ?? ''),
    queryFn: ({ signal }) => api.get<TItems<TNode>>(`/plans/${planId}/nodes`, undefined, signal),
    enabled: Boolean(planId),
    select: (data) => data.items,
  });
}

/** Mutations that return the whole plan replace the cached node list; the rest refetch it. */
function usePlanNodeCache(planId: string) {
  const queryClient = useQueryClient();
  return {
    replace: (items: TNode[]) => queryClient.setQueryData<TItems<TNode>>(nodesKey(planId), { items }),
    refresh: () => queryClient.invalidateQueries({ queryKey: nodesKey(planId) }),
  };
}

export function useCreateNode(planId: string) {
  const cache = usePlanNodeCache(planId);
  return useMutation({
    mutationFn: (body: TNodeCreate) => api.post<TNode>(`/plans/${planId}/nodes`, body),
    onSuccess: () => cache.refresh(),
  });
}

export function useUpdateNode(planId: string) {
  const cache = usePlanNodeCache(planId);
  return useMutation({
    mutationFn: ({ nodeId, patch }: { nodeId: string; patch: TNodePatch }) =>
      api.patch<TNode>(`/plans/${planId}/nodes/${nodeId}`, patch),
    onSuccess: () => cache.refresh(),
  });
}

export function useMoveNode(planId: string) {
  const cache = usePlanNodeCache(planId);
  return useMutation({
    mutationFn: ({ nodeId, move }: { nodeId: string; move: TNodeMove }) =>
      api.post<TItems<TNode>>(`/plans/${planId}/nodes/${nodeId}/move`, move),
    onSuccess: (data) => cache.replace(data.items),
  });
}

export function useDeleteNode(planId: string) {
  const cache = usePlanNodeCache(planId);
  return useMutation({
    mutationFn: ({ nodeId, version }: { nodeId: string; version: number }) =>
      api.delete<{ deleted: number }>(`/plans/${planId}/nodes/${nodeId}`, { version }),
    onSuccess: () => cache.refresh(),
  });
}

export function useRestoreNode(planId: string) {
  const cache = usePlanNodeCache(planId);
  return useMutation({
    mutationFn: (nodeId: string) => api.post<TItems<TNode>>(`/plans/${planId}/nodes/${nodeId}/restore`),
    onSuccess: (data) => cache.replace(data.items),
  });
}
