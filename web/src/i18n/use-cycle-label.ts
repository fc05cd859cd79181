import { useCallback } from 'react';
import { useLang } from './use-t';

/** Cycle labels come from the server in both languages (2026年11月 / Nov 2026); this picks the UI's. */
export function useCycleLabel(): (c: { label?: string; labelEn?: string; cycleLabel?: string; cycleLabelEn?: string }) => string {
  const lang = useLang();
  return useCallback((c) => (lang === 'en-US' ? (c.labelEn ?? c.cycleLabelEn) : (c.label ?? c.cycleLabel)) ?? '', [lang]);
}
