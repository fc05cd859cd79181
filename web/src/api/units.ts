import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { ListParams, Side, TList, TUnit, TUnitInput, TUnitPatch, UnitKind } from './types';

export type UnitListParams = ListParams & { kind?: UnitKind; side?: Side; active?: boolean };

export const unitsKey = ['units'] as const;

export function useUnits(params: UnitListParams, enabled = true) {
  return useQuery({
    queryKey: [...unitsKey, params],
    queryFn: ({ signal }) => api.get<TList<TUnit>>('/units', params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useUnit(unitId: string | null | undefined) {
  return useQuery({
    queryKey: [...unitsKey, 'one', unitId],
    queryFn: ({ signal }) => api.get<TUnit>(`/units/${unitId}`, undefined, signal),
    enabled: Boolean(unitId),
  });
}

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUnitInput) => api.post<TUnit>('/units', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitsKey }),
  });
}

export function useUpdateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, patch }: { unitId: string; patch: TUnitPatch }) => api.patch<TUnit>(`/units/${unitId}`, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitsKey }),
  });
}
