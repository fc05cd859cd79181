import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';

// Portable column conventions (one migration set for SQLite and PostgreSQL):
// booleans are integer 0/1, JSON is text, dates and timestamps are ISO-8601 text made by the app.

export interface UnitTable {
  id: string;
  key: string | null;
  name: string;
  full_name: string;
  kind: string;
  side: string;
  parent_id: string | null;
  division_code: string | null;
  aliases: string;
  active: number;
  sort_order: number;
  source: string | null;
  user_edited: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AppUserTable {
  id: string;
  username: string;
  display_name: string;
  unit_id: string;
  roles: string;
  password_hash: string;
  active: number;
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface PlanTable {
  id: string;
  key: string;
  title: string;
  short_title: string;
  adopted_on: string | null;
  issuer: string | null;
  summary: string | null;
  facts: string;
  source: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PlanNodeTable {
  id: string;
  plan_id: string;
  parent_id: string | null;
  key: string | null;
  kind: string;
  code: string;
  seq: number;
  title: string;
  body: string | null;
  weight: number;
  priority: string;
  start_on: string | null;
  due_on: string | null;
  key_area: string | null;
  source_ref: string | null;
  user_edited: number;
  deleted_at: string | null;
  deleted_batch: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface DivisionTable {
  code: string;
  name: string;
  level: string;
  side: string;
  parent_code: string | null;
  roles: string;
  outline_scope: string | null;
  borders_chongqing: number;
  source: string | null;
}

export interface PlatformTable {
  id: string;
  name: string;
  cluster: string | null;
  members: string;
  focus: string | null;
  source: string | null;
}

export interface AuditLogTable {
  id: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface SeedStateTable {
  key: string;
  checksum: string;
  applied_at: string;
}

export interface DB {
  unit: UnitTable;
  app_user: AppUserTable;
  session: SessionTable;
  plan: PlanTable;
  plan_node: PlanNodeTable;
  division: DivisionTable;
  platform: PlatformTable;
  audit_log: AuditLogTable;
  seed_state: SeedStateTable;
}

export type Db = Kysely<DB>;
export type Executor = Kysely<DB> | Transaction<DB>;

export type UnitRow = Selectable<UnitTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type PlanRow = Selectable<PlanTable>;
export type PlanNodeRow = Selectable<PlanNodeTable>;
export type NewPlanNode = Insertable<PlanNodeTable>;
export type PlanNodePatch = Updateable<PlanNodeTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
