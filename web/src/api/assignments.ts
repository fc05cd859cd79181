import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { TAssignBody, TAssignment, TItems, TNode } from './types';

export const assignmentsKey = (planId: string) => ['plans', planId, 'assignments'] as const;

export function usePlanAssignments(planId: string | undefined) {
  return useQuery({
    queryKey: assignmentsKey(planId ?? ''),
    queryFn: ({ signal }) => api.get<TItems<TAssignment>>(`/plans/${planId}/assignments`, undefined, signal),
    enabled: Boolean(planId),
    select: (data) => data.items,
  });
}

/** Replaces a task's lead and participating units; the node's version moves on, so the plan is re-read too. */
export function useAssignNode(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ nodeId, body }: { nodeId: string; body: TAssignBody }) =>
      api.put<{ node: TNode; assignments: TAssignment[] }>(`/plans/${planId}/nodes/${nodeId}/assignments`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['plans', planId] }),
  });
}
