import type { Generated, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';

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
  email: string | null;
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
  settings: Generated<string>;
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
  completion_criterion: string | null;
  evidence_required: Generated<number>;
  cancelled: Generated<number>;
  completed_on: string | null;
  deadline_text: string | null;
  division_codes: Generated<string>;
  sort_key: Generated<string>;
  /** Where a task came from besides the Decision's text: 'meeting_decision' | 'agreement_matter' | 'national_request'. */
  source_kind: string | null;
  source_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AssignmentTable {
  id: string;
  plan_id: string;
  node_id: string;
  unit_id: string;
  role: string;
  created_at: string;
}

export interface CycleTable {
  id: string;
  plan_id: string;
  label: string;
  frequency: string;
  period_start: string;
  period_end: string;
  opens_on: string;
  due_on: string;
  state: Generated<string>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ReportTable {
  id: string;
  cycle_id: string;
  node_id: string;
  unit_id: string;
  role: string;
  state: Generated<string>;
  progress_pct: number | null;
  narrative: string | null;
  problems: string | null;
  coordination_request: string | null;
  next_steps: string | null;
  milestone_updates: Generated<string>;
  submitted_at: string | null;
  submitted_by: string | null;
  approved_at: string | null;
  approved_by: string | null;
  accepted_at: string | null;
  accepted_by: string | null;
  quality_rating: number | null;
  returned_at: string | null;
  returned_by: string | null;
  return_comment: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AttachmentTable {
  id: string;
  report_id: string;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  thumbnail: Buffer | null;
  deleted_at: string | null;
  created_by: string;
  created_at: string;
}

export interface StatusOverrideTable {
  id: string;
  node_id: string;
  status: string;
  reason: string;
  expires_on: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
}

export interface SupervisionItemTable {
  id: string;
  plan_id: string;
  node_id: string;
  unit_id: string;
  level: string;
  message: string;
  response_due_on: string;
  state: Generated<string>;
  response: string | null;
  responded_at: string | null;
  responded_by: string | null;
  closed_at: string | null;
  closing_comment: string | null;
  escalated_from: string | null;
  created_by: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  dedupe_key: string | null;
  email_state: Generated<string>;
  created_at: string;
  read_at: string | null;
}

export interface JobTable {
  id: string;
  name: string;
  dedupe_key: string;
  payload: Generated<string>;
  state: Generated<string>;
  run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  attempts: Generated<number>;
  last_error: string | null;
  done_at: string | null;
  created_at: string;
}

export interface BaselineTable {
  id: string;
  plan_id: string;
  number: number;
  reason: string;
  snapshot: string;
  approved_by: string;
  approved_at: string;
}

export interface NetworkNodeTable {
  id: string;
  name: string;
  kind: string;
  division_code: string | null;
  lon: number;
  lat: number;
  position_source: string | null;
  note: string | null;
  user_edited: Generated<number>;
  version: Generated<number>;
}

export interface NetworkLinkTable {
  id: string;
  from_id: string;
  to_id: string;
  mode: string;
  line: string | null;
  minutes: number | null;
  minutes_note: string | null;
  headway_minutes: number | null;
  status: string;
  open_from: string | null;
  planned_opening: string | null;
  closed_from: string | null;
  project_id: string | null;
  one_way: Generated<number>;
  source: Generated<string>;
  reliability: string | null;
  user_edited: Generated<number>;
  version: Generated<number>;
}

export interface NetworkTargetTable {
  id: string;
  ord: number;
  data: string;
}

export interface NetworkScenarioTable {
  id: string;
  name: string;
  overrides: string;
  created_by: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface MeetingTable {
  id: string;
  plan_id: string;
  layer: string;
  title: string;
  held_on: string;
  place: string | null;
  body: string;
  unit_ids: Generated<string>;
  agenda: string | null;
  minutes: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AgreementTable {
  id: string;
  plan_id: string;
  title: string;
  parties: Generated<string>;
  level: string;
  signed_on: string | null;
  term_until: string | null;
  documents: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface NationalRequestTable {
  id: string;
  plan_id: string;
  title: string;
  type: string;
  addressed_to: string;
  lead_unit_id: string;
  joint_with_chongqing: Generated<number>;
  submitted_on: string | null;
  status: Generated<string>;
  outcome: string | null;
  documents: string | null;
  node_ids: Generated<string>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A request to the national level serves a major project (migration coordination_projects). */
export interface NationalRequestProjectTable {
  request_id: string;
  project_id: string;
}

/** A major project that is one of an agreement's matters (migration coordination_projects). */
export interface AgreementProjectTable {
  agreement_id: string;
  project_id: string;
}

export interface BulletinTable {
  id: string;
  plan_id: string;
  cycle_id: string;
  /** 文号, e.g. 〔2026〕3号. */
  number: string;
  title: string;
  issuing_body: string;
  /** 'draft' | 'published'. */
  state: Generated<string>;
  /** The office's wording, by section key (JSON). */
  sections: Generated<string>;
  /** The data the bulletin speaks of (JSON); refreshed while a draft, frozen at publication. */
  snapshot: string;
  published_at: string | null;
  published_by: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface BulletinFileTable {
  id: string;
  bulletin_id: string;
  format: string;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_at: string;
}

export interface BulletinDownloadTable {
  id: string;
  bulletin_id: string;
  format: string;
  user_id: string | null;
  user_name: string;
  unit_id: string | null;
  draft: Generated<number>;
  at: string;
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

export interface ProjectTable {
  id: string;
  title: string;
  description: string | null;
  purpose: string | null;
  category: string;
  sector: Generated<string>;
  type: string | null;
  phase: string;
  start_date: string | null;
  end_date: string | null;
  period_text: string | null;
  locations: Generated<string>;
  division_codes: Generated<string>;
  division_code: string | null;
  budget_total: number | null;
  budget_plan: Generated<string>;
  owner: string | null;
  unit_id: string | null;
  side: string;
  milestones: Generated<string>;
  documents: Generated<string>;
  facts: Generated<string>;
  source: Generated<string>;
  note: string | null;
  origin: string;
  user_edited: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ProjectDivisionTable {
  project_id: string;
  division_code: string;
}

export interface ProjectTaskTable {
  project_id: string;
  node_id: string;
  created_at: string;
}

export interface ProjectReportTable {
  id: string;
  project_id: string;
  cycle_id: string;
  unit_id: string;
  state: Generated<string>;
  investment_month: number | null;
  investment_cumulative: number | null;
  physical_pct: number | null;
  narrative: string | null;
  problems: string | null;
  submitted_at: string | null;
  submitted_by: string | null;
  approved_at: string | null;
  approved_by: string | null;
  accepted_at: string | null;
  accepted_by: string | null;
  returned_at: string | null;
  returned_by: string | null;
  return_comment: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AssessmentPeriodTable {
  id: string;
  plan_id: string;
  label: string;
  /** 'year' | 'quarter' */
  kind: string;
  period_start: string;
  period_end: string;
  include_chongqing: Generated<number>;
  /** 'draft' | 'computed' | 'published' */
  state: Generated<string>;
  published_number: Generated<number>;
  computed_at: string | null;
  computed_as_of: string | null;
  reopen_reason: string | null;
  created_by: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AssessmentItemTable {
  id: string;
  period_id: string;
  rule: string;
  title: string;
  max_points: number;
  params: Generated<string>;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface AssessmentAdjustmentTable {
  id: string;
  period_id: string;
  unit_id: string;
  points: number;
  reason: string;
  evidence_refs: Generated<string>;
  deleted_at: string | null;
  created_by: string;
  created_at: string;
}

export interface AssessmentAppealTable {
  id: string;
  period_id: string;
  unit_id: string;
  /** 'appeal' | 'self_assessment' */
  kind: string;
  item_id: string | null;
  evidence_kind: string | null;
  evidence_id: string | null;
  reason: string;
  claimed_points: number | null;
  /** 'submitted' | 'upheld' | 'rejected' */
  state: Generated<string>;
  decision_comment: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_by: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AssessmentFileTable {
  id: string;
  period_id: string;
  owner_kind: string;
  owner_id: string;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_by: string;
  created_at: string;
}

export interface AssessmentResultTable {
  period_id: string;
  unit_id: string;
  group_key: string;
  score: number;
  rank: number;
  breakdown: string;
  computed_at: string;
}

export interface AssessmentPublicationTable {
  id: string;
  period_id: string;
  number: number;
  reason: string | null;
  snapshot: string;
  published_by: string;
  published_at: string;
}

export interface IndicatorTable {
  id: string;
  code: string;
  name_zh: string;
  name_en: string;
  unit: string;
  /** 'year' | 'quarter' | 'month'. */
  frequency: string;
  /** How finer periods roll up: 'sum' | 'avg' | 'last' | 'share'. */
  aggregation: string;
  /** 'division' (Sichuan prefectures, Chongqing districts, with the two provinces' totals) | 'province' | 'region'. */
  division_level: string;
  /** 'higher_is_better' | 'lower_is_better'. */
  direction: Generated<string>;
  source: string | null;
  description: string | null;
  owner_unit_id: string | null;
  /** JSON formula of a derived indicator (share a/b, sum over a region); null for an observed one. */
  derivation: string | null;
  shipped: Generated<number>;
  user_edited: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface IndicatorObservationTable {
  id: string;
  indicator_id: string;
  /** A GB/T 2260 code or a region key ('region:circle'). */
  division_code: string;
  /** 'YYYY' | 'YYYY-Qn' | 'YYYY-MM'. */
  period: string;
  /** Null = known to be missing (a gap shown to the user, never filled with a guess). */
  value: number | null;
  source: string | null;
  reliability: string | null;
  note: string | null;
  /** 'seed' | 'entry' | 'import' | 'report' (a unit's figure the office accepted). */
  origin: string;
  entered_by: string | null;
  user_edited: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface IndicatorTargetTable {
  id: string;
  indicator_id: string;
  division_code: string;
  period: string;
  value: number;
  source: string | null;
  entered_by: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface IndicatorTaskTable {
  indicator_id: string;
  node_id: string;
  created_at: string;
}

/** A figure the owner unit files in a reporting cycle; it becomes an observation when the office accepts it. */
export interface IndicatorReportTable {
  id: string;
  indicator_id: string;
  cycle_id: string;
  unit_id: string;
  division_code: string;
  period: string;
  /** 'draft' | 'submitted' | 'accepted' | 'returned'. */
  state: Generated<string>;
  value: number | null;
  source: string | null;
  note: string | null;
  submitted_at: string | null;
  submitted_by: string | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
  return_comment: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface DB {
  unit: UnitTable;
  app_user: AppUserTable;
  session: SessionTable;
  plan: PlanTable;
  plan_node: PlanNodeTable;
  assignment: AssignmentTable;
  cycle: CycleTable;
  report: ReportTable;
  attachment: AttachmentTable;
  status_override: StatusOverrideTable;
  supervision_item: SupervisionItemTable;
  notification: NotificationTable;
  job: JobTable;
  baseline: BaselineTable;
  network_node: NetworkNodeTable;
  network_link: NetworkLinkTable;
  network_target: NetworkTargetTable;
  network_scenario: NetworkScenarioTable;
  meeting: MeetingTable;
  agreement: AgreementTable;
  national_request: NationalRequestTable;
  national_request_project: NationalRequestProjectTable;
  agreement_project: AgreementProjectTable;
  bulletin: BulletinTable;
  bulletin_file: BulletinFileTable;
  bulletin_download: BulletinDownloadTable;
  division: DivisionTable;
  platform: PlatformTable;
  audit_log: AuditLogTable;
  seed_state: SeedStateTable;
  indicator: IndicatorTable;
  indicator_observation: IndicatorObservationTable;
  indicator_target: IndicatorTargetTable;
  indicator_task: IndicatorTaskTable;
  indicator_report: IndicatorReportTable;
  assessment_period: AssessmentPeriodTable;
  assessment_item: AssessmentItemTable;
  assessment_adjustment: AssessmentAdjustmentTable;
  assessment_appeal: AssessmentAppealTable;
  assessment_file: AssessmentFileTable;
  assessment_result: AssessmentResultTable;
  assessment_publication: AssessmentPublicationTable;
  project: ProjectTable;
  project_division: ProjectDivisionTable;
  project_task: ProjectTaskTable;
  project_report: ProjectReportTable;
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
export type CycleRow = Selectable<CycleTable>;
export type ReportRow = Selectable<ReportTable>;
