import type { Role } from '../../api/types';

const OFFICE_SIDE: readonly Role[] = ['admin', 'office', 'viewer'];

/** A unit user (填报人 / 单位负责人) works on their own unit's tasks; the office side may look at any unit. */
export function isUnitUser(roles: readonly Role[]): boolean {
  return roles.some((r) => r === 'unit_lead' || r === 'reporter') && !roles.some((r) => OFFICE_SIDE.includes(r));
}

/** Who may pick another unit on "my tasks" (the server honours unitId for these roles only). */
export function canPickUnit(roles: readonly Role[]): boolean {
  return roles.some((r) => OFFICE_SIDE.includes(r));
}
