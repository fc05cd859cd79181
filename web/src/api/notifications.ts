import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZNotificationPage } from '../../../src/server/schemas/follow-up.schemas';
import { api } from './client';

export type TNotificationPage = z.infer<typeof ZNotificationPage>;
export type TNotification = TNotificationPage['items'][number];

export const notificationsKey = ['notifications'] as const;
export const NOTIFICATION_POLL_MS = 60_000;

/** Unread notifications, polled once a minute while the app is open. */
export function useUnreadNotifications(enabled = true) {
  return useQuery({
    queryKey: [...notificationsKey, 'unread'],
    queryFn: ({ signal }) => api.get<TNotificationPage>('/notifications', { unread: true, pageSize: 20 }, signal),
    refetchInterval: NOTIFICATION_POLL_MS,
    staleTime: 0,
    enabled,
  });
}

/** The latest notifications, read or not, for the list in the popover. */
export function useRecentNotifications(enabled: boolean) {
  return useQuery({
    queryKey: [...notificationsKey, 'recent'],
    queryFn: ({ signal }) => api.get<TNotificationPage>('/notifications', { pageSize: 20 }, signal),
    enabled,
    staleTime: 0,
  });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/notifications/all/read'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
