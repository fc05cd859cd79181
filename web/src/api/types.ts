// Shapes from docs/api.md. Once src/server/schemas exists, these should become
// `import type` re-exports of the zod-inferred types (STYLE.md dependency rule).

export type Role = 'admin' | 'office' | 'unit_lead' | 'reporter' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'office', 'unit_lead', 'reporter', 'viewer'];

export type Permission =
  | 'plan:read'
  | 'plan:edit'
  | 'unit:read'
  | 'unit:manage'
  | 'user:read'
  | 'user:manage'
  | 'audit:read'
  | 'reference:read';

export type TMe = {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  unitName: string;
  roles: Role[];
  /** Kept as string[]: the server may grant permissions this build does not know yet. */
  permissions: string[];
  mustChangePassword: boolean;
};

export type TSession = { user: TMe; csrfToken: string };

export type TFactItem = { key: string; title: string; text: string };
export type TKeyArea = { key: string; title: string };

export type TPlan = {
  id: string;
  code: string;
  title: string;
  shortTitle: string;
  adoptedOn: string | null;
  issuer: string | null;
  summary: string | null;
  facts: { goals: TFactItem[]; principles: TFactItem[]; keyAreas: TKeyArea[] };
  source: Record<string, unknown> | null;
};

export type NodeKind = 'part' | 'article' | 'task' | 'milestone';
export const NODE_KINDS: readonly NodeKind[] = ['part', 'article', 'task', 'milestone'];
export type Priority = 'high' | 'normal' | 'low';
export const PRIORITIES: readonly Priority[] = ['high', 'normal', 'low'];

export type TNode = {
  id: string;
  planId: string;
  parentId: string | null;
  kind: NodeKind;
  code: string;
  seq: number;
  title: string;
  body: string | null;
  weight: number;
  priority: Priority;
  startOn: string | null;
  dueOn: string | null;
  keyArea: string | null;
  sourceRef: { section?: string; quote?: string } | null;
  version: number;
  updatedAt: string;
};

export type TNodeCreate = {
  parentId: string;
  kind: 'task' | 'milestone';
  title: string;
  body?: string;
  weight?: number;
  priority?: Priority;
  startOn?: string;
  dueOn?: string;
  keyArea?: string;
};

/** Assumption: `null` clears an optional field (TNode allows null for each of these). */
export type TNodePatch = {
  version: number;
  title?: string;
  body?: string | null;
  weight?: number;
  priority?: Priority;
  startOn?: string | null;
  dueOn?: string | null;
  keyArea?: string | null;
};

export type TNodeMove = { version: number; parentId: string; position: number };

export type UnitKind = 'office' | 'department' | 'city' | 'county' | 'enterprise' | 'other';
export const UNIT_KINDS: readonly UnitKind[] = ['office', 'department', 'city', 'county', 'enterprise', 'other'];
export type Side = 'sichuan' | 'chongqing';
export const SIDES: readonly Side[] = ['sichuan', 'chongqing'];

export type TUnit = {
  id: string;
  name: string;
  fullName: string;
  kind: UnitKind;
  side: Side;
  parentId: string | null;
  divisionCode: string | null;
  aliases: string[];
  active: boolean;
  version: number;
};

export type TUnitInput = {
  name: string;
  fullName?: string;
  kind: UnitKind;
  side: Side;
  parentId?: string | null;
  divisionCode?: string | null;
  aliases?: string[];
};

export type TUnitPatch = Partial<TUnitInput> & { version: number; active?: boolean };

export type TUser = {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  unitName: string;
  roles: Role[];
  active: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  version: number;
};

export type TUserCreate = { username: string; displayName: string; unitId: string; roles: Role[]; password: string };
export type TUserPatch = { version: number; displayName?: string; unitId?: string; roles?: Role[]; active?: boolean };

export type AuditEntity = 'plan_node' | 'unit' | 'app_user' | 'session';
export const AUDIT_ENTITIES: readonly AuditEntity[] = ['plan_node', 'unit', 'app_user', 'session'];

export type TAuditEntry = {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  hash: string;
};

export type TAuditVerify = { ok: boolean; checked: number; firstBroken: null | { id: number; reason: string } };

export type TList<T> = { items: T[]; total: number; page: number; pageSize: number };
export type TItems<T> = { items: T[] };

export type SortOrder = 'asc' | 'desc';
export type ListParams = { page: number; pageSize: number; sort?: string; order?: SortOrder; q?: string };
