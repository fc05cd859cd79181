import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { TItems, TNode, TNodeCreate, TNodeMove, TNodePatch, TPlan, TTreeNode } from './types';

export const plansKey = ['plans'] as const;
export const nodesKey = (planId: string) => ['plans', planId, 'nodes'] as const;

export function usePlans() {
  return useQuery({
    queryKey: plansKey,
    queryFn: ({ signal }) => api.get<TItems<TPlan>>('/plans', undefined, signal),
  });
}

/** `complete` false: a large plan's outline holds its parts and articles only; the tree loads the rest on expand. */
export type TOutline = { items: TTreeNode[]; complete: boolean };

function useOutlineQuery<T>(planId: string | undefined, select: (data: TOutline) => T) {
  return useQuery({
    queryKey: [...nodesKey(planId ?? ''), 'tree'],
    queryFn: ({ signal }) => api.get<TOutline>(`/plans/${planId}/nodes`, { view: 'tree' }, signal),
    enabled: Boolean(planId),
    select,
  });
}

/** The plan's outline (no texts: ~40 % of the full list's bytes); a node's full record comes from usePlanNode. */
export function usePlanNodes(planId: string | undefined) {
  return useOutlineQuery(planId, (data) => data.items);
}

/** The outline with whether it is whole (the plan tree loads the levels below on expand when it is not). */
export function usePlanOutline(planId: string | undefined) {
  return useOutlineQuery(planId, (data) => data);
}

/** One level of the outline: the children of a node, for a tree expanding a large plan. */
export function fetchTreeChildren(planId: string, parentId: string): Promise<TOutline> {
  return api.get<TOutline>(`/plans/${planId}/nodes`, { view: 'tree', parentId });
}

/** One node with its texts. Its key sits under nodesKey, so every refresh of the list refreshes it too. */
export function usePlanNode(planId: string, nodeId: string | undefined) {
  return useQuery({
    queryKey: [...nodesKey(planId), 'one', nodeId ?? ''],
    queryFn: ({ signal }) => api.get<TNode>(`/plans/${planId}/nodes/${nodeId}`, undefined, signal),
    enabled: Boolean(nodeId),
  });
}

/** Mutations that return the whole plan replace the cached node list; the rest refetch it. */
function usePlanNodeCache(planId: string) {
  const queryClient = useQueryClient();
  return {
    replace: (items: TNode[]) => {
      queryClient.setQueryData<TOutline>([...nodesKey(planId), 'tree'], { items, complete: true });
      void queryClient.invalidateQueries({ queryKey: [...nodesKey(planId), 'one'] });
    },
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
