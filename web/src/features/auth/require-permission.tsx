import { lazy, Suspense, type ReactNode } from 'react';
import type { Permission } from '../../api/types';
import { usePermissions } from './use-permissions';

const ForbiddenResult = lazy(() => import('./forbidden-result'));

/** Renders the page when the user holds the permission (or, given a list, any one of them). */
export function RequirePermission({ permission, children }: { permission: Permission | readonly Permission[]; children: ReactNode }) {
  const can = usePermissions();
  const anyOf: readonly Permission[] = typeof permission === 'string' ? [permission] : permission;
  if (!anyOf.some(can))
    return (
      <Suspense fallback={null}>
        <ForbiddenResult />
      </Suspense>
    );
  return children;
}
