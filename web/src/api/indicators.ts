import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCockpitIndicators,
  TIndicator,
  TIndicatorCreate,
  TIndicatorDetail,
  TIndicatorMap,
  TIndicatorPage,
  TIndicatorPatch,
  TObservationImportPreview,
  TObservationImportResult,
  TObservationInput,
  TTargetInput,
} from '../../../src/server/schemas';
import type { TDivision } from '../../../src/server/schemas';
import { api } from './client';
import { downloadFile } from './imports';

export type {
  TCockpitIndicators,
  TIndicator,
  TIndicatorCreate,
  TIndicatorDetail,
  TIndicatorListItem,
  TIndicatorMap,
  TIndicatorPatch,
  TObservationImportPreview,
  TObservationImportResult,
  TObservationInput,
  TTargetInput,
} from '../../../src/server/schemas';
export type IndicatorFrequency = TIndicator['frequency'];
export type IndicatorStatus = TIndicatorDetail['status']['status'];
export type TObservation = TIndicatorDetail['observations'][number];
export type TTarget = TIndicatorDetail['targets'][number];

export const FREQUENCIES = ['year', 'quarter', 'month'] as const satisfies readonly IndicatorFrequency[];
export const AGGREGATIONS = ['sum', 'avg', 'last', 'share'] as const satisfies readonly TIndicator['aggregation'][];
export const DIVISION_LEVELS = ['division', 'province', 'region'] as const satisfies readonly TIndicator['divisionLevel'][];
export const DIRECTIONS = ['higher_is_better', 'lower_is_better'] as const satisfies readonly TIndicator['direction'][];
export const INDICATOR_STATUSES = ['on_track', 'behind', 'far_behind', 'no_data', 'no_trajectory'] as const satisfies readonly IndicatorStatus[];

export type IndicatorListParams = {
  page: number;
  pageSize: number;
  q?: string | undefined;
  frequency?: IndicatorFrequency | undefined;
  ownerUnitId?: string | undefined;
  sort?: 'code' | 'name' | 'frequency' | 'updatedAt' | undefined;
  order?: 'asc' | 'desc' | undefined;
};

const KEY = ['indicators'] as const;

export function useIndicators(params: IndicatorListParams) {
  return useQuery({
    queryKey: [...KEY, 'list', params],
    queryFn: ({ signal }) => api.get<TIndicatorPage>('/indicators', params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useIndicator(id: string | undefined, division: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'detail', id, division ?? null],
    queryFn: ({ signal }) => api.get<TIndicatorDetail>(`/indicators/${id}`, { division }, signal),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });
}

export function useIndicatorMap(id: string | undefined, period: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'map', id, period ?? null],
    queryFn: ({ signal }) => api.get<TIndicatorMap>(`/indicators/${id}/map`, { period }, signal),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });
}

export function useCockpitIndicators(planId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'cockpit', planId],
    queryFn: ({ signal }) => api.get<TCockpitIndicators>(`/plans/${planId}/cockpit/indicators`, undefined, signal),
    enabled: Boolean(planId),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: KEY });
}

export function useCreateIndicator() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: TIndicatorCreate) => api.post<TIndicator>('/indicators', body), onSuccess: invalidate });
}

export function useUpdateIndicator() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: TIndicatorPatch }) => api.patch<TIndicator>(`/indicators/${id}`, body), onSuccess: invalidate });
}

export function useSaveObservation(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: TObservationInput) => api.put<{ id: string; version: number }>(`/indicators/${id}/observations`, body), onSuccess: invalidate });
}

export function useSaveTarget(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: TTargetInput) => api.put<{ id: string; version: number }>(`/indicators/${id}/targets`, body), onSuccess: invalidate });
}

export function useRemoveTarget(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ targetId, version }: { targetId: string; version: number }) => api.delete<null>(`/indicators/${id}/targets/${targetId}`, { version }), onSuccess: invalidate });
}

function importForm(file: File, indicatorId?: string): FormData {
  const form = new FormData();
  // Fields first: the server reads the parts in order.
  if (indicatorId) form.append('indicatorId', indicatorId);
  form.append('file', file, file.name);
  return form;
}

export function usePreviewObservationImport(indicatorId?: string) {
  return useMutation({ mutationFn: (file: File) => api.upload<TObservationImportPreview>('/indicators/observations/import/preview', importForm(file, indicatorId)) });
}

export function useApplyObservationImport(indicatorId?: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (file: File) => api.upload<TObservationImportResult>('/indicators/observations/import/apply', importForm(file, indicatorId)), onSuccess: invalidate });
}

export function exportIndicator(id: string, code: string): Promise<void> {
  return downloadFile(`/indicators/${id}/export`, `指标-${code}.xlsx`);
}

/** Every code an observation may be filed under: the two provinces and the map's prefectures and districts. */
export function useDivisionOptions() {
  return useQuery({
    queryKey: [...KEY, 'division-options'],
    queryFn: ({ signal }) => api.get<{ items: TDivision[] }>('/divisions', undefined, signal),
    staleTime: Infinity,
    select: (data) => [
      { value: '510000', label: '四川省（510000）' },
      { value: '500000', label: '重庆市（500000）' },
      ...data.items.map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` })),
    ],
  });
}
