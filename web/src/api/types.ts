// The API's shapes come from the server's zod schemas (types only, so no server code reaches the bundle).
// The constant lists below are for pickers and filters; `satisfies` keeps them in step with the types.
import type { NodeKind, Priority, Role, Side, UnitKind } from '../../../src/server/schemas';

export type {
  Role,
  Permission,
  NodeKind,
  Priority,
  TMe,
  TSession,
  TPlan,
  TNode,
  TNodeCreate,
  TNodePatch,
  TNodeMove,
  TUnit,
  UnitKind,
  Side,
  TUnitInput,
  TUnitPatch,
  TUser,
  TUserCreate,
  TUserPatch,
  TAuditEntry,
  TAuditVerify,
} from '../../../src/server/schemas';

export const ROLES = ['admin', 'office', 'unit_lead', 'reporter', 'viewer'] as const satisfies readonly Role[];
export const NODE_KINDS = ['part', 'article', 'task', 'milestone'] as const satisfies readonly NodeKind[];
export const PRIORITIES = ['high', 'normal', 'low'] as const satisfies readonly Priority[];
export const UNIT_KINDS = ['office', 'department', 'central', 'city', 'county', 'enterprise', 'other'] as const satisfies readonly UnitKind[];
export const SIDES = ['sichuan', 'chongqing'] as const satisfies readonly Side[];

export type TFactItem = { key: string; title: string; text: string };
export type TKeyArea = { key: string; title: string };

export type AuditEntity = 'plan_node' | 'unit' | 'app_user' | 'session';

export const AUDIT_ENTITIES: readonly AuditEntity[] = ['plan_node', 'unit', 'app_user', 'session'];

export type TList<T> = { items: T[]; total: number; page: number; pageSize: number };
export type TItems<T> = { items: T[] };

export type SortOrder = 'asc' | 'desc';
export type ListParams = { page: number; pageSize: number; sort?: string; order?: SortOrder; q?: string };
