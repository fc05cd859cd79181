import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { AuditEntity, TAuditEntry, TAuditVerify, TList } from './types';

export type AuditListParams = {
  page: number;
  pageSize: number;
  entity?: AuditEntity;
  entityId?: string;
  actorId?: string;
  action?: string;
  /** YYYY-MM-DD, inclusive (assumed; see report). */
  from?: string;
  to?: string;
};

export function useAuditEntries(params: AuditListParams) {
  return useQuery({
    queryKey: ['audit', params],
    queryFn: ({ signal }) => api.get<TList<TAuditEntry>>('/audit', params, signal),
    placeholderData: keepPreviousData,
  });
}

/** A mutation, not a query: verification walks the whole chain, so it runs only on request. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.get<TAuditVerify>('/audit/verify') });
}
