import { cycleLabelInEnglish, type ReportState } from '../../domain';
import { readJson } from '../json';
import type { Executor, ReportRow } from '../schema';

export interface MilestoneUpdate {
  nodeId: string;
  done: boolean;
  doneOn: string | null;
  note: string | null;
}

export interface ReportSummary {
  id: string;
  cycleId: string;
  cycleLabel: string;
  cycleLabelEn: string;
  cycleDueOn: string;
  nodeId: string;
  nodeCode: string;
  nodeTitle: string;
  unitId: string;
  unitName: string;
  role: 'lead' | 'participant';
  state: ReportState;
  progressPct: number | null;
  submittedAt: string | null;
  updatedAt: string;
  version: number;
}

export interface Report extends ReportSummary {
  narrative: string | null;
  problems: string | null;
  coordinationRequest: string | null;
  nextSteps: string | null;
  milestoneUpdates: MilestoneUpdate[];
  approvedAt: string | null;
  acceptedAt: string | null;
  qualityRating: number | null;
  returnedAt: string | null;
  returnComment: string | null;
}

type Joined = ReportRow & { cycle_label: string; cycle_due_on: string; node_code: string; node_title: string; unit_name: string };

export function toReport(r: Joined): Report {
  return {
    id: r.id,
    cycleId: r.cycle_id,
    cycleLabel: r.cycle_label,
    cycleLabelEn: cycleLabelInEnglish(r.cycle_label),
    cycleDueOn: r.cycle_due_on,
    nodeId: r.node_id,
    nodeCode: r.node_code,
    nodeTitle: r.node_title,
    unitId: r.unit_id,
    unitName: r.unit_name,
    role: r.role as Report['role'],
    state: r.state as ReportState,
    progressPct: r.progress_pct === null ? null : Number(r.progress_pct),
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
    version: Number(r.version),
    narrative: r.narrative,
    problems: r.problems,
    coordinationRequest: r.coordination_request,
    nextSteps: r.next_steps,
    milestoneUpdates: readJson<MilestoneUpdate[]>(r.milestone_updates, []),
    approvedAt: r.approved_at,
    acceptedAt: r.accepted_at,
    qualityRating: r.quality_rating === null ? null : Number(r.quality_rating),
    returnedAt: r.returned_at,
    returnComment: r.return_comment,
  };
}

export const reportsJoined = (db: Executor) =>
  db
    .selectFrom('report')
    .innerJoin('cycle', 'cycle.id', 'report.cycle_id')
    .innerJoin('plan_node', 'plan_node.id', 'report.node_id')
    .innerJoin('unit', 'unit.id', 'report.unit_id')
    .selectAll('report')
    .select(['cycle.label as cycle_label', 'cycle.due_on as cycle_due_on', 'plan_node.code as node_code', 'plan_node.title as node_title', 'unit.name as unit_name']);

export async function findReport(db: Executor, reportId: string): Promise<Report | undefined> {
  const row = await reportsJoined(db).where('report.id', '=', reportId).executeTakeFirst();
  return row && toReport(row);
}

export interface ReportFilter {
  cycleId?: string | undefined;
  unitId?: string | undefined;
  nodeId?: string | undefined;
  state?: ReportState | undefined;
  role?: 'lead' | 'participant' | undefined;
  /** Hide other units' drafts: a draft is the unit's own business until it is submitted. */
  draftsOnlyOfUnit?: string | null | undefined;
}

export async function listReports(db: Executor, f: ReportFilter, page: { offset: number; limit: number }) {
  let q = reportsJoined(db);
  if (f.cycleId) q = q.where('report.cycle_id', '=', f.cycleId);
  if (f.unitId) q = q.where('report.unit_id', '=', f.unitId);
  if (f.nodeId) q = q.where('report.node_id', '=', f.nodeId);
  if (f.state) q = q.where('report.state', '=', f.state);
  if (f.role) q = q.where('report.role', '=', f.role);
  if (f.draftsOnlyOfUnit !== undefined) {
    const own = f.draftsOnlyOfUnit;
    q = q.where((eb) => eb.or([eb('report.state', 'not in', ['draft', 'returned']), ...(own ? [eb('report.unit_id', '=', own)] : [])]));
  }
  const [rows, count] = await Promise.all([
    q.orderBy('cycle.period_start', 'desc').orderBy('plan_node.sort_key').orderBy('report.role').offset(page.offset).limit(page.limit).execute(),
    q.clearSelect().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toReport), total: Number(count.n) };
}
