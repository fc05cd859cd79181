import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZBaseline, ZVariance } from '../../../src/server/schemas/plan.schemas';
import { api } from './client';
import type { TItems } from './types';

export type TBaseline = z.infer<typeof ZBaseline>;
export type TVariance = z.infer<typeof ZVariance>;
export type TVarianceItem = TVariance['items'][number];

export const baselinesKey = (planId: string) => ['plans', planId, 'baselines'] as const;

export function useBaselines(planId: string) {
  return useQuery({
    queryKey: baselinesKey(planId),
    queryFn: ({ signal }) => api.get<TItems<TBaseline>>(`/plans/${planId}/baselines`, undefined, signal),
    select: (data) => data.items,
  });
}

/** Variance against baseline `number` (the latest when undefined). */
export function useVariance(planId: string, number: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...baselinesKey(planId), 'variance', number ?? 'latest'],
    queryFn: ({ signal }) => api.get<TVariance>(`/plans/${planId}/baselines/variance`, { number }, signal),
    enabled,
    staleTime: 0,
  });
}

export function useApproveBaseline(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => api.post<TBaseline>(`/plans/${planId}/baselines`, { reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: baselinesKey(planId) }),
  });
}
