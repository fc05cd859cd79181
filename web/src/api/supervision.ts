import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZIssueBody, ZProposal, ZSupervisionDetail, ZSupervisionItem } from '../../../src/server/schemas/follow-up.schemas';
import type { SupervisionLevel, SupervisionState } from '../../../src/domain/supervision/supervision-rules';
import { api } from './client';
import type { TItems, TList } from './types';

export type { SupervisionLevel, SupervisionState };
export type TSupervisionItem = z.infer<typeof ZSupervisionItem>;
export type TSupervisionDetail = z.infer<typeof ZSupervisionDetail>;
export type TProposal = z.infer<typeof ZProposal>;
export type TIssueBody = z.input<typeof ZIssueBody>;

export const SUPERVISION_LEVELS = ['remind', 'urge', 'supervise', 'bulletin'] as const satisfies readonly SupervisionLevel[];
export const SUPERVISION_STATES = ['open', 'responded', 'closed', 'escalated'] as const satisfies readonly SupervisionState[];

export type SupervisionListParams = { page: number; pageSize: number; state?: SupervisionState; level?: SupervisionLevel; unitId?: string; nodeId?: string };

export const supervisionKey = ['supervision'] as const;

export function useSupervisionItems(planId: string | undefined, params: SupervisionListParams) {
  return useQuery({
    queryKey: [...supervisionKey, 'list', planId, params],
    queryFn: ({ signal }) => api.get<TList<TSupervisionItem>>(`/plans/${planId}/supervision`, params, signal),
    enabled: Boolean(planId),
    placeholderData: keepPreviousData,
  });
}

export function useSupervisionProposals(planId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...supervisionKey, 'proposals', planId],
    queryFn: ({ signal }) => api.get<TItems<TProposal>>(`/plans/${planId}/supervision/proposals`, undefined, signal),
    enabled: Boolean(planId) && enabled,
    select: (data) => data.items,
  });
}

export function useSupervisionItem(id: string | undefined) {
  return useQuery({
    queryKey: [...supervisionKey, 'one', id],
    queryFn: ({ signal }) => api.get<TSupervisionDetail>(`/supervision/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

function useInvalidateSupervision() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: supervisionKey });
}

export function useIssueSupervision(planId: string) {
  const invalidate = useInvalidateSupervision();
  return useMutation({
    mutationFn: (body: TIssueBody) => api.post<TSupervisionItem>(`/plans/${planId}/supervision`, body),
    onSuccess: invalidate,
  });
}

export function useRespondSupervision(id: string) {
  const invalidate = useInvalidateSupervision();
  return useMutation({
    mutationFn: (body: { version: number; response: string }) => api.post<TSupervisionItem>(`/supervision/${id}/respond`, body),
    onSuccess: invalidate,
  });
}

export function useCloseSupervision(id: string) {
  const invalidate = useInvalidateSupervision();
  return useMutation({
    mutationFn: (body: { version: number; comment?: string }) => api.post<TSupervisionItem>(`/supervision/${id}/close`, body),
    onSuccess: invalidate,
  });
}

export function useEscalateSupervision(id: string) {
  const invalidate = useInvalidateSupervision();
  return useMutation({
    mutationFn: (body: { version: number; message: string; responseDueOn: string }) => api.post<TSupervisionItem>(`/supervision/${id}/escalate`, body),
    onSuccess: invalidate,
  });
}
