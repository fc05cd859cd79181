import { useMe } from '../../api/auth';
import type { Permission } from '../../api/types';

/** `can('plan:edit')` — for hiding controls only; the server enforces every permission again. */
export function usePermissions(): (permission: Permission) => boolean {
  const { data } = useMe();
  const granted = data?.user.permissions ?? [];
  return (permission) => granted.includes(permission);
}
