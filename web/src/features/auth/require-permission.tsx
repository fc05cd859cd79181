import { Result } from 'antd';
import type { ReactNode } from 'react';
import type { Permission } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { usePermissions } from './use-permissions';

/** Renders the page when the user holds the permission (or, given a list, any one of them). */
export function RequirePermission({ permission, children }: { permission: Permission | readonly Permission[]; children: ReactNode }) {
  const can = usePermissions();
  const t = useT();
  const anyOf: readonly Permission[] = typeof permission === 'string' ? [permission] : permission;
  if (!anyOf.some(can)) return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
  return children;
}
