import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ZAdjustment,
  ZAdjustmentBody,
  ZAppeal,
  ZAppealBody,
  ZAssessmentFile,
  ZAssessmentItem,
  ZAssessmentPeriod,
  ZAssessmentPeriodDetail,
  ZBreakdownLine,
  ZCreatePeriodBody,
  ZItemInput,
  ZLeagueTables,
  ZUnitBreakdown,
  ZUnitHistory,
} from '../../../src/server/schemas/assessment.schemas';
import { api } from './client';
import { downloadFile } from './imports';
import type { TList } from './types';

export type TAssessmentPeriod = z.infer<typeof ZAssessmentPeriod>;
export type TAssessmentPeriodDetail = z.infer<typeof ZAssessmentPeriodDetail>;
export type TAssessmentItem = z.infer<typeof ZAssessmentItem>;
export type TItemInput = z.input<typeof ZItemInput>;
export type TCreatePeriod = z.input<typeof ZCreatePeriodBody>;
export type TLeagueTables = z.infer<typeof ZLeagueTables>;
export type TBreakdownLine = z.infer<typeof ZBreakdownLine>;
export type TUnitBreakdown = z.infer<typeof ZUnitBreakdown>;
export type TUnitHistory = z.infer<typeof ZUnitHistory>;
export type TAppeal = z.infer<typeof ZAppeal>;
export type TAppealBody = z.input<typeof ZAppealBody>;
export type TAdjustment = z.infer<typeof ZAdjustment>;
export type TAdjustmentBody = z.input<typeof ZAdjustmentBody>;
export type TAssessmentFile = z.infer<typeof ZAssessmentFile>;
export type AssessmentRule = TAssessmentItem['rule'];
export type UnitGroup = TLeagueTables['groups'][number]['group'];
export type PeriodState = TAssessmentPeriod['state'];
export type AppealState = TAppeal['state'];

export const ASSESSMENT_RULES = ['report_timeliness', 'milestone_timeliness', 'report_quality', 'supervision_response', 'bonus_penalty'] as const satisfies readonly AssessmentRule[];
export const PERIOD_STATES = ['draft', 'computed', 'published'] as const satisfies readonly PeriodState[];
export const APPEAL_STATES = ['submitted', 'upheld', 'rejected'] as const satisfies readonly AppealState[];

export type PeriodListParams = { page: number; pageSize: number; state?: PeriodState; kind?: 'year' | 'quarter'; year?: number };
export type AppealListParams = { page: number; pageSize: number; state?: AppealState; unitId?: string };

export const assessmentKey = ['assessment'] as const;

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: assessmentKey });
}

export function usePeriods(planId: string | undefined, params: PeriodListParams) {
  return useQuery({
    queryKey: [...assessmentKey, 'periods', planId, params],
    queryFn: ({ signal }) => api.get<TList<TAssessmentPeriod>>(`/plans/${planId}/assessment/periods`, params, signal),
    enabled: Boolean(planId),
    placeholderData: keepPreviousData,
  });
}

export function usePeriod(id: string | undefined) {
  return useQuery({
    queryKey: [...assessmentKey, 'period', id],
    queryFn: ({ signal }) => api.get<TAssessmentPeriodDetail>(`/assessment/periods/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useCreatePeriod(planId: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: TCreatePeriod) => api.post<TAssessmentPeriod>(`/plans/${planId}/assessment/periods`, body), onSuccess: invalidate });
}

export function useSaveItems(periodId: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: { version: number; items: TItemInput[] }) => api.put<{ items: TAssessmentItem[] }>(`/assessment/periods/${periodId}/items`, body), onSuccess: invalidate });
}

export function usePeriodAction(periodId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ action, version, reason }: { action: 'compute' | 'publish' | 'reopen'; version: number; reason?: string }) =>
      api.post<TAssessmentPeriod>(`/assessment/periods/${periodId}/${action}`, reason ? { version, reason } : { version }),
    onSuccess: invalidate,
  });
}

export function useLeagueTables(periodId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...assessmentKey, 'league', periodId],
    queryFn: ({ signal }) => api.get<TLeagueTables>(`/assessment/periods/${periodId}/league-tables`, undefined, signal),
    enabled: Boolean(periodId) && enabled,
    retry: false,
  });
}

export function exportLeagueTables(periodId: string, label: string, group?: UnitGroup) {
  return downloadFile(`/assessment/periods/${periodId}/league-tables/export`, `${label}考核排名.xlsx`, { group });
}

export function useUnitBreakdown(periodId: string | undefined, unitId: string | undefined) {
  return useQuery({
    queryKey: [...assessmentKey, 'unit', periodId, unitId],
    queryFn: ({ signal }) => api.get<TUnitBreakdown>(`/assessment/periods/${periodId}/units/${unitId}`, undefined, signal),
    enabled: Boolean(periodId && unitId),
    retry: false,
  });
}

export function useUnitHistory(unitId: string | undefined, planId: string | undefined) {
  return useQuery({
    queryKey: [...assessmentKey, 'history', unitId, planId],
    queryFn: ({ signal }) => api.get<TUnitHistory>(`/assessment/units/${unitId}/history`, { planId }, signal),
    enabled: Boolean(unitId && planId),
  });
}

export function useAppeals(periodId: string | undefined, params: AppealListParams) {
  return useQuery({
    queryKey: [...assessmentKey, 'appeals', periodId, params],
    queryFn: ({ signal }) => api.get<TList<TAppeal>>(`/assessment/periods/${periodId}/appeals`, params, signal),
    enabled: Boolean(periodId),
    placeholderData: keepPreviousData,
  });
}

/** Submits the appeal, then its files one by one (each checked by its content on the server). */
export function useSubmitAppeal(periodId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ body, files }: { body: TAppealBody; files: File[] }) => {
      const appeal = await api.post<TAppeal>(`/assessment/periods/${periodId}/appeals`, body);
      for (const file of files) {
        const form = new FormData();
        form.append('file', file, file.name);
        await api.upload<TAssessmentFile>(`/assessment/appeals/${appeal.id}/files`, form);
      }
      return appeal;
    },
    onSettled: invalidate,
  });
}

export function useDecideAppeal() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; version: number; decision: 'upheld' | 'rejected'; comment: string }) => api.post<TAppeal>(`/assessment/appeals/${id}/decide`, body),
    onSuccess: invalidate,
  });
}

export function useAdjustments(periodId: string | undefined) {
  return useQuery({
    queryKey: [...assessmentKey, 'adjustments', periodId],
    queryFn: ({ signal }) => api.get<{ items: TAdjustment[] }>(`/assessment/periods/${periodId}/adjustments`, undefined, signal),
    enabled: Boolean(periodId),
  });
}

export function useAddAdjustment(periodId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ body, files }: { body: TAdjustmentBody; files: File[] }) => {
      const entry = await api.post<TAdjustment>(`/assessment/periods/${periodId}/adjustments`, body);
      for (const file of files) {
        const form = new FormData();
        form.append('file', file, file.name);
        await api.upload<TAssessmentFile>(`/assessment/adjustments/${entry.id}/files`, form);
      }
      return entry;
    },
    onSettled: invalidate,
  });
}

export function useRemoveAdjustment() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.delete<void>(`/assessment/adjustments/${id}`), onSuccess: invalidate });
}

export const assessmentFileUrl = (id: string) => `/api/assessment/files/${id}`;

export function useUpdatePeriod(periodId: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: { version: number; label?: string; includeChongqing?: boolean }) => api.patch<TAssessmentPeriod>(`/assessment/periods/${periodId}`, body), onSuccess: invalidate });
}
