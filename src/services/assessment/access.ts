import { DomainError, scopeOf, type Permission } from '../../domain';
import type { Actor } from '../context';

/** Unit staff reach their own unit's assessment only; the office and leaders reach every unit's. */
export function assertUnitReach(actor: Actor, unitId: string, permission: Extract<Permission, 'assessment:read' | 'assessment:appeal'> = 'assessment:read') {
  const scope = scopeOf(actor.roles, permission);
  if (scope === 'all') return;
  if (scope === 'own-unit' && actor.unitId === unitId) return;
  throw new DomainError('FORBIDDEN', { unitId });
}

export const readsAll = (actor: Actor) => scopeOf(actor.roles, 'assessment:read') === 'all';
