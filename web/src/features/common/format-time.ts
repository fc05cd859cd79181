import dayjs from 'dayjs';

/** Timestamps arrive as ISO-8601 UTC; show them in the viewer's local time. */
export function formatTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
}
