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
  'report:read',
  'report:write',
  'report:approve',
  'report:review',
  'cycle:manage',
  'status:override',
  'supervision:manage',
  'supervision:respond',
  'cockpit:read',
  'assessment:read',
  'assessment:manage',
  'assessment:appeal',
  'bulletin:manage',
  'project:edit',
  'project:report',
  'indicator:edit',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** 'all' reaches every unit's records; 'own-unit' only the holder's unit's. */
export type Scope = 'all' | 'own-unit';

const EVERYONE: Partial<Record<Permission, Scope>> = { 'plan:read': 'all', 'unit:read': 'all', 'reference:read': 'all', 'cockpit:read': 'all' };
const UNIT_STAFF: Partial<Record<Permission, Scope>> = {
  'report:read': 'own-unit',
  'report:write': 'own-unit',
  'supervision:respond': 'own-unit',
  'assessment:read': 'own-unit',
  'assessment:appeal': 'own-unit',
  'project:report': 'own-unit',
};

const GRANTS: Record<Role, Partial<Record<Permission, Scope>>> = {
  admin: Object.fromEntries(PERMISSIONS.map((p) => [p, 'all'])),
  office: {
    ...EVERYONE,
    'plan:edit': 'all',
    'user:read': 'all',
    'audit:read': 'all',
    'report:read': 'all',
    'report:review': 'all',
    'cycle:manage': 'all',
    'status:override': 'all',
    'supervision:manage': 'all',
    'assessment:read': 'all',
    'assessment:manage': 'all',
    'bulletin:manage': 'all',
    'project:edit': 'all',
    'project:report': 'all',
    'indicator:edit': 'all',
  },
  unit_lead: { ...EVERYONE, ...UNIT_STAFF, 'user:read': 'own-unit', 'report:approve': 'own-unit' },
  reporter: { ...EVERYONE, ...UNIT_STAFF },
  // Leaders (决策层) read everything that has been submitted; they change nothing.
  viewer: { ...EVERYONE, 'report:read': 'all', 'assessment:read': 'all' },
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
