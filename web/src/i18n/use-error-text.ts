import { useCallback } from 'react';
import { ApiError } from '../api/client';
import { isMessageKey, useT } from './use-t';

/**
 * Turns any thrown error into text for the user: our own wording for a known code
 * (so the UI stays consistent in both languages), else the server's localized message.
 */
export function useErrorText(): (err: unknown) => string {
  const t = useT();
  return useCallback(
    (err: unknown) => {
      if (err instanceof ApiError) {
        const key = `errors.${err.code}`;
        if (isMessageKey(key)) return t(key);
        if (err.status === 429) return t('errors.RATE_LIMITED');
        return err.message || t('errors.INTERNAL');
      }
      return err instanceof Error ? err.message : t('errors.INTERNAL');
    },
    [t],
  );
}
