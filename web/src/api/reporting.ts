import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { AssignmentRole, ReportAction, ReportState, TAttachment, TCycle, TItems, TList, TOpenCycle, TReportDetail, TReportSummary, TSaveReport } from './types';

export const cyclesKey = (planId: string) => ['plans', planId, 'cycles'] as const;
export const reportsKey = ['reports'] as const;
export const reportKey = (reportId: string) => ['reports', 'one', reportId] as const;

export function useCycles(planId: string | undefined) {
  return useQuery({
    queryKey: cyclesKey(planId ?? ''),
    queryFn: ({ signal }) => api.get<TItems<TCycle>>(`/plans/${planId}/cycles`, undefined, signal),
    enabled: Boolean(planId),
    select: (data) => data.items,
  });
}

export function useOpenCycle(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TOpenCycle) => api.post<TCycle>(`/plans/${planId}/cycles`, body),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: cyclesKey(planId) }), queryClient.invalidateQueries({ queryKey: reportsKey })]),
  });
}

export function useUpdateCycle(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ cycleId, patch }: { cycleId: string; patch: { version: number; dueOn?: string; state?: TCycle['state'] } }) =>
      api.patch<TCycle>(`/cycles/${cycleId}`, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cyclesKey(planId) }),
  });
}

export type ReportListParams = { page: number; pageSize: number; cycleId?: string; unitId?: string; nodeId?: string; state?: ReportState; role?: AssignmentRole };

export function useReports(params: ReportListParams, enabled = true) {
  return useQuery({
    queryKey: [...reportsKey, 'list', params],
    queryFn: ({ signal }) => api.get<TList<TReportSummary>>('/reports', params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useReport(reportId: string | undefined) {
  return useQuery({
    queryKey: reportKey(reportId ?? ''),
    queryFn: ({ signal }) => api.get<TReportDetail>(`/reports/${reportId}`, undefined, signal),
    enabled: Boolean(reportId),
  });
}

/** Every report write answers with the whole detail: put it in the cache, and let lists and cycle counts refetch. */
function useReportCache() {
  const queryClient = useQueryClient();
  return {
    put: (detail: TReportDetail) => {
      queryClient.setQueryData(reportKey(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: [...reportsKey, 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['plans'], predicate: (q) => q.queryKey[2] === 'cycles' || q.queryKey[2] === 'status' || q.queryKey[2] === 'my-tasks' });
    },
    refresh: (reportId: string) => queryClient.invalidateQueries({ queryKey: reportKey(reportId) }),
  };
}

export function useSaveReport(reportId: string) {
  const cache = useReportCache();
  return useMutation({
    mutationFn: (body: TSaveReport) => api.patch<TReportDetail>(`/reports/${reportId}`, body),
    onSuccess: cache.put,
  });
}

export type TransitionBody = { version: number; comment?: string; qualityRating?: number };

export function useTransitionReport(reportId: string) {
  const cache = useReportCache();
  return useMutation({
    mutationFn: ({ action, body }: { action: ReportAction; body: TransitionBody }) => api.post<TReportDetail>(`/reports/${reportId}/${action}`, body),
    onSuccess: cache.put,
  });
}

export function useUploadAttachment(reportId: string) {
  const cache = useReportCache();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<TAttachment>(`/reports/${reportId}/attachments`, form);
    },
    onSuccess: () => cache.refresh(reportId),
  });
}

export function useDeleteAttachment(reportId: string) {
  const cache = useReportCache();
  return useMutation({
    mutationFn: (attachmentId: string) => api.delete<void>(`/attachments/${attachmentId}`),
    onSuccess: () => cache.refresh(reportId),
  });
}

export const attachmentUrl = (id: string) => `/api/attachments/${id}`;
export const thumbnailUrl = (id: string) => `/api/attachments/${id}/thumbnail`;
