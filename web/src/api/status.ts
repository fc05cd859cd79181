import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { SourceKind } from './coordination';
import type { AssignmentRole, Priority, SortOrder, Status, TMyTask, TNodeStatus, TOverride } from './types';

export const planStatusKey = (planId: string) => ['plans', planId, 'status'] as const;
export const myTasksKey = (planId: string) => ['plans', planId, 'my-tasks'] as const;

export type TPlanStatus = { asOf: string; items: TNodeStatus[] };

/** Status of every part, article and task, fetched once per plan and shared by the tree and the detail panel. */
export function usePlanStatus(planId: string | undefined) {
  return useQuery({
    queryKey: planStatusKey(planId ?? ''),
    queryFn: ({ signal }) => api.get<TPlanStatus>(`/plans/${planId}/status`, undefined, signal),
    enabled: Boolean(planId),
  });
}

export type MyTasksSort = 'code' | 'dueOn' | 'priority' | 'status' | 'progress';
export type MyTasksParams = {
  page: number;
  pageSize: number;
  sort?: MyTasksSort;
  order?: SortOrder;
  unitId?: string;
  role?: AssignmentRole;
  status?: Status;
  priority?: Priority;
  underId?: string;
  keyArea?: string;
  dueFrom?: string;
  dueTo?: string;
  /** Where the task came from: the Decision itself or a meeting, agreement or national request. */
  sourceKind?: SourceKind;
  q?: string;
};
export type TMyTasksPage = { asOf: string; unitId: string | null; items: TMyTask[]; total: number; page: number; pageSize: number };

export function useMyTasks(planId: string | undefined, params: MyTasksParams) {
  return useQuery({
    queryKey: [...myTasksKey(planId ?? ''), params],
    queryFn: ({ signal }) => api.get<TMyTasksPage>(`/plans/${planId}/my-tasks`, params, signal),
    enabled: Boolean(planId),
    placeholderData: keepPreviousData,
  });
}

function useStatusRefresh(planId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['plans', planId] });
}

export function useSetOverride(planId: string) {
  const refresh = useStatusRefresh(planId);
  return useMutation({
    mutationFn: ({ nodeId, body }: { nodeId: string; body: TOverride }) =>
      api.put<unknown>(`/plans/${planId}/nodes/${nodeId}/status-override`, body),
    onSuccess: refresh,
  });
}

export function useClearOverride(planId: string) {
  const refresh = useStatusRefresh(planId);
  return useMutation({
    mutationFn: (nodeId: string) => api.delete<void>(`/plans/${planId}/nodes/${nodeId}/status-override`),
    onSuccess: refresh,
  });
}
