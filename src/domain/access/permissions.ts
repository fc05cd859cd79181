export const ROLES = ['admin', 'office', 'unit_lead', 'reporter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'plan:read',
  'plan:edit',
  'unit:read',
  'unit:manage',
  'user:read',
  'user:manage',
  'audit:read',
  'reference:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** 'all' reaches every unit's records; 'own-unit' only the holder's unit's. */
export type Scope = 'all' | 'own-unit';

const EVERYONE: Partial<Record<Permission, Scope>> = { 'plan:read': 'all', 'unit:read': 'all', 'reference:read': 'all' };

const GRANTS: Record<Role, Partial<Record<Permission, Scope>>> = {
  admin: Object.fromEntries(PERMISSIONS.map((p) => [p, 'all'])),
  office: { ...EVERYONE, 'plan:edit': 'all', 'user:read': 'all', 'audit:read': 'all' },
  unit_lead: { ...EVERYONE, 'user:read': 'own-unit' },
  reporter: { ...EVERYONE },
  viewer: { ...EVERYONE },
};

/** The widest scope any of the roles gives for the permission, or null when none grants it. */
export function scopeOf(roles: readonly Role[], permission: Permission): Scope | null {
  let best: Scope | null = null;
  for (const role of roles) {
    const scope = GRANTS[role][permission];
    if (scope === 'all') return 'all';
    if (scope) best = scope;
  }
  return best;
}

export function permissionsOf(roles: readonly Role[]): Permission[] {
  return PERMISSIONS.filter((p) => scopeOf(roles, p) !== null);
}
