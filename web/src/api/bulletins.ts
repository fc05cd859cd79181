import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZBulletin, ZBulletinDetail, ZBulletinDownloadPage, ZGenerateBulletinBody, ZUpdateBulletinBody } from '../../../src/server/schemas/bulletin.schemas';
import { api } from './client';
import { downloadFile } from './imports';
import type { TList } from './types';

export type TBulletin = z.infer<typeof ZBulletin>;
export type TBulletinDetail = z.infer<typeof ZBulletinDetail>;
export type TBulletinBlock = TBulletinDetail['content']['blocks'][number];
export type TBulletinDownloads = z.infer<typeof ZBulletinDownloadPage>;
export type TGenerateBulletin = z.input<typeof ZGenerateBulletinBody>;
export type TUpdateBulletin = z.input<typeof ZUpdateBulletinBody>;
export type BulletinState = TBulletin['state'];
export type BulletinFormat = TBulletinDetail['files'][number]['format'];
export type BulletinSectionKey = keyof TBulletinDetail['sections'];

export const BULLETIN_FORMATS = ['docx', 'pdf', 'xlsx'] as const satisfies readonly BulletinFormat[];
export const BULLETIN_SECTIONS = [
  'opening',
  'overall',
  'parts',
  'milestones',
  'lagging',
  'supervision',
  'rankings',
  'coordination',
  'nextSteps',
  'closing',
] as const satisfies readonly BulletinSectionKey[];

export type BulletinListParams = { page: number; pageSize: number; state?: BulletinState; cycleId?: string };

const key = ['bulletins'] as const;

export function useBulletins(planId: string | undefined, params: BulletinListParams) {
  return useQuery({
    queryKey: [...key, 'list', planId, params],
    queryFn: ({ signal }) => api.get<TList<TBulletin>>(`/plans/${planId}/bulletins`, params, signal),
    enabled: Boolean(planId),
    placeholderData: keepPreviousData,
  });
}

export function useBulletin(id: string | undefined) {
  return useQuery({
    queryKey: [...key, 'detail', id],
    queryFn: ({ signal }) => api.get<TBulletinDetail>(`/bulletins/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useBulletinDownloads(id: string | undefined, params: { page: number; pageSize: number }, enabled: boolean) {
  return useQuery({
    queryKey: [...key, 'downloads', id, params],
    queryFn: ({ signal }) => api.get<TBulletinDownloads>(`/bulletins/${id}/downloads`, params, signal),
    enabled: Boolean(id) && enabled,
    placeholderData: keepPreviousData,
  });
}

function useSettle() {
  const queryClient = useQueryClient();
  return (detail?: TBulletinDetail) => {
    if (detail) queryClient.setQueryData([...key, 'detail', detail.id], detail);
    return queryClient.invalidateQueries({ queryKey: key });
  };
}

export function useGenerateBulletin(planId: string) {
  const settle = useSettle();
  return useMutation({ mutationFn: (body: TGenerateBulletin) => api.post<TBulletinDetail>(`/plans/${planId}/bulletins`, body), onSuccess: settle });
}

export function useUpdateBulletin(id: string) {
  const settle = useSettle();
  return useMutation({ mutationFn: (body: TUpdateBulletin) => api.patch<TBulletinDetail>(`/bulletins/${id}`, body), onSuccess: settle });
}

export function useRefreshBulletin(id: string) {
  const settle = useSettle();
  return useMutation({ mutationFn: (version: number) => api.post<TBulletinDetail>(`/bulletins/${id}/refresh`, { version }), onSuccess: settle });
}

export function usePublishBulletin(id: string) {
  const settle = useSettle();
  return useMutation({ mutationFn: (version: number) => api.post<TBulletinDetail>(`/bulletins/${id}/publish`, { version }), onSuccess: settle });
}

export function useDeleteBulletin(id: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (version: number) => api.delete<void>(`/bulletins/${id}`, { version }), onSuccess: () => queryClient.invalidateQueries({ queryKey: key }) });
}

/** Downloads a format; the server records it, so the history is refreshed afterwards. */
export function useDownloadBulletin(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (format: BulletinFormat) => downloadFile(`/bulletins/${id}/files/${format}`, `bulletin.${format}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...key, 'downloads', id] }),
  });
}
