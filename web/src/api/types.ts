// The API's shapes come from the server's zod schemas (types only, so no server code reaches the bundle).
// The constant lists below are for pickers and filters; `satisfies` keeps them in step with the types.
import type { NodeKind, Priority, ReportAction, ReportState, Role, Side, Status, TAssignment, TCycle, TOverride, UnitKind } from '../../../src/server/schemas';

export type {
  Role,
  Permission,
  NodeKind,
  Priority,
  TMe,
  TSession,
  TPlan,
  TNode,
  TTreeNode,
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
  TCycle,
  TOpenCycle,
  TReportSummary,
  TReportDetail,
  TSaveReport,
  TAttachment,
  TNodeStatus,
  TMyTask,
  TAssignment,
  TAssignBody,
  TOverride,
  Status,
  ReportState,
  ReportAction,
} from '../../../src/server/schemas';

export const ROLES = ['admin', 'office', 'unit_lead', 'reporter', 'viewer'] as const satisfies readonly Role[];
export const NODE_KINDS = ['part', 'article', 'task', 'milestone'] as const satisfies readonly NodeKind[];
export const PRIORITIES = ['high', 'normal', 'low'] as const satisfies readonly Priority[];
export const UNIT_KINDS = ['office', 'department', 'central', 'city', 'county', 'enterprise', 'other'] as const satisfies readonly UnitKind[];
export const SIDES = ['sichuan', 'chongqing'] as const satisfies readonly Side[];
export const STATUSES = ['red', 'yellow', 'green', 'not_started', 'completed', 'cancelled'] as const satisfies readonly Status[];
export const OVERRIDE_STATUSES = ['red', 'yellow', 'green', 'not_started', 'completed'] as const satisfies readonly TOverride['status'][];
export const REPORT_STATES = ['draft', 'submitted', 'approved', 'accepted', 'returned'] as const satisfies readonly ReportState[];
export const REPORT_ACTIONS = ['submit', 'approve', 'return', 'accept'] as const satisfies readonly ReportAction[];
export const ASSIGNMENT_ROLES = ['lead', 'participant'] as const satisfies readonly TAssignment['role'][];
export type AssignmentRole = TAssignment['role'];
export type Frequency = TCycle['frequency'];

export type TFactItem = { key: string; title: string; text: string };
export type TKeyArea = { key: string; title: string };

export type AuditEntity = 'plan_node' | 'unit' | 'app_user' | 'session';

export const AUDIT_ENTITIES: readonly AuditEntity[] = ['plan_node', 'unit', 'app_user', 'session'];

export type TList<T> = { items: T[]; total: number; page: number; pageSize: number };
export type TItems<T> = { items: T[] };

export type SortOrder = 'asc' | 'desc';
export type ListParams = { page: number; pageSize: number; sort?: string; order?: SortOrder; q?: string };
