import { Result } from 'antd';
import type { ReactNode } from 'react';
import type { Permission } from '../../api/types';
import { useT } from '../../i18n/use-t';
import { usePermissions } from './use-permissions';

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const can = usePermissions();
  const t = useT();
  if (!can(permission)) return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
  return children;
}
