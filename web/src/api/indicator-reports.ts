import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCreateIndicatorReport, TDueIndicatorReports, TIndicatorReport, TIndicatorReportPage, TIndicatorTasks, TNodeIndicators, TSaveIndicatorReport } from '../../../src/server/schemas';
import { api } from './client';

export type { TDueIndicatorReports, TIndicatorReport, TIndicatorTasks, TNodeIndicators } from '../../../src/server/schemas';
export type TDueIndicatorReport = TDueIndicatorReports['items'][number];
export type IndicatorReportState = TIndicatorReport['state'];
export type IndicatorReportAction = TIndicatorReport['allowedActions'][number];
export const INDICATOR_REPORT_STATES = ['draft', 'submitted', 'accepted', 'returned'] as const satisfies readonly IndicatorReportState[];

// Under the indicators' key, so that accepting a figure refreshes the indicator's chart and status too.
const KEY = ['indicators'] as const;

export function useIndicatorTasks(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'tasks', id],
    queryFn: ({ signal }) => api.get<TIndicatorTasks>(`/indicators/${id}/tasks`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useNodeIndicators(planId: string, nodeId: string) {
  return useQuery({
    queryKey: [...KEY, 'node', planId, nodeId],
    queryFn: ({ signal }) => api.get<TNodeIndicators>(`/plans/${planId}/nodes/${nodeId}/indicators`, undefined, signal),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: KEY });
}

export function useLinkIndicatorTasks(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (nodeIds: string[]) => api.post<TIndicatorTasks>(`/indicators/${id}/tasks`, { nodeIds }), onSuccess: invalidate });
}

export function useUnlinkIndicatorTask(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (nodeId: string) => api.delete<TIndicatorTasks>(`/indicators/${id}/tasks/${nodeId}`), onSuccess: invalidate });
}

export type IndicatorReportParams = { page: number; pageSize: number; indicatorId?: string | undefined; state?: IndicatorReportState | undefined; cycleId?: string | undefined };

export function useIndicatorReports(params: IndicatorReportParams, enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'reports', params],
    queryFn: ({ signal }) => api.get<TIndicatorReportPage>('/indicator-reports', params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useDueIndicatorReports(enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'reports', 'due'],
    queryFn: ({ signal }) => api.get<TDueIndicatorReports>('/indicator-reports/due', undefined, signal),
    enabled,
  });
}

export function useCreateIndicatorReport() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ indicatorId, body }: { indicatorId: string; body: TCreateIndicatorReport }) => api.post<TIndicatorReport>(`/indicators/${indicatorId}/reports`, body), onSuccess: invalidate });
}

export function useSaveIndicatorReport() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: TSaveIndicatorReport }) => api.patch<TIndicatorReport>(`/indicator-reports/${id}`, body), onSuccess: invalidate });
}

export function useIndicatorReportAction() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, action, version, comment }: { id: string; action: IndicatorReportAction; version: number; comment?: string }) =>
      api.post<TIndicatorReport>(`/indicator-reports/${id}/${action}`, { version, ...(comment && { comment }) }),
    onSuccess: invalidate,
  });
}
