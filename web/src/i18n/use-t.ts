import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from './i18n';
import { zhCN, type MessageKey } from './zh-CN';

export type TVars = Record<string, string | number>;
export type TFn = (key: MessageKey, vars?: TVars) => string;

/** Typed translate: only keys that exist in zh-CN.ts compile. */
export function useT(): TFn {
  const { t } = useTranslation();
  return useCallback((key: MessageKey, vars?: TVars) => String(t(key, vars ?? {})), [t]);
}

/** The current language; re-renders the caller when it changes. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}
