// Test helper: a real translate function over one dictionary, without i18next or React.
import type { TFn, TVars } from '../i18n/use-t';
import type { MessageKey } from '../i18n/zh-CN';

export function makeT(dict: Record<MessageKey, string>): TFn {
  return (key: MessageKey, vars?: TVars) => dict[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars?.[name] ?? ''));
}
