import { describe, expect, it } from 'vitest';
import { permissionsOf, scopeOf } from './permissions';

describe('scopeOf', () => {
  it.each([
    [['admin'], 'user:manage', 'all'],
    [['office'], 'plan:edit', 'all'],
    [['office'], 'user:manage', null],
    [['unit_lead'], 'user:read', 'own-unit'],
    [['reporter'], 'user:read', null],
    [['unit_lead', 'office'], 'user:read', 'all'],
    [['viewer'], 'plan:read', 'all'],
    [[], 'plan:read', null],
  ] as const)('%j %s → %s', (roles, perm, expected) => {
    expect(scopeOf(roles, perm)).toBe(expected);
  });

  it('a reporter can only read', () => {
    expect(permissionsOf(['reporter'])).toEqual(['plan:read', 'unit:read', 'reference:read', 'report:read', 'report:write', 'supervision:respond', 'cockpit:read', 'assessment:read', 'assessment:appeal', 'project:report']);
  });
});
