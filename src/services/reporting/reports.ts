import { DomainError, isEditable, nextReportState, scopeOf, type ReportAction, type ReportState } from '../../domain';
import { writeJson } from '../../db/json';
import { findReport, listReports as selectReports, type MilestoneUpdate, type Report, type ReportFilter } from '../../db/queries/reports';
import type { Executor } from '../../db/schema';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import { assertCanRead, workflowRolesFor } from './report-access';
import { notifyUnit } from '../follow-up/notifications';
import { writeVersioned } from '../versioned-update';

export interface ReportDetail extends Report {
  milestones: { id: string; code: string; title: string; dueOn: string | null; completedOn: string | null; evidenceRequired: boolean; completionCriterion: string | null }[];
  contributions: Report[];
  attachments: { id: string; fileName: string; mime: string; size: number; hasThumbnail: boolean; createdAt: string }[];
  allowedActions: ReportAction[];
  editable: boolean;
}

export interface SaveReportInput {
  version: number;
  progressPct?: number | null | undefined;
  narrative?: string | null | undefined;
  problems?: string | null | undefined;
  coordinationRequest?: string | null | undefined;
  nextSteps?: string | null | undefined;
  milestoneUpdates?: MilestoneUpdate[] | undefined;
}

async function requireReport(db: Executor, reportId: string): Promise<Report> {
  const r = await findReport(db, reportId);
  if (!r) throw new DomainError('REPORT_NOT_FOUND', { reportId });
  return r;
}

/** Reports the actor may see: own unit for unit staff (plus submitted contributions to tasks it leads), all submitted ones for the office and leaders. */
export async function listReports(ctx: ServiceContext, actor: Actor, filter: ReportFilter, page: { page: number; pageSize: number }) {
  const scope = scopeOf(actor.roles, 'report:read');
  const f: ReportFilter = scope === 'all' ? { ...filter, draftsOnlyOfUnit: actor.roles.includes('admin') ? undefined : actor.unitId } : { ...filter, unitId: actor.unitId ?? '' };
  if (scope !== 'all' && filter.unitId && filter.unitId !== actor.unitId) return { items: [], total: 0 };
  return selectReports(ctx.db, f, { offset: (page.page - 1) * page.pageSize, limit: page.pageSize });
}

const ACTIONS: ReportAction[] = ['submit', 'approve', 'return', 'accept'];

export async function getReport(ctx: ServiceContext, actor: Actor, reportId: string): Promise<ReportDetail> {
  const report = await requireReport(ctx.db, reportId);
  await assertCanRead(ctx.db, actor, report);
  return detail(ctx.db, actor, report);
}

async function detail(db: Executor, actor: Actor, report: Report): Promise<ReportDetail> {
  const [milestones, contributions, attachments] = await Promise.all([
    db
      .selectFrom('plan_node')
      .select(['id', 'code', 'title', 'due_on', 'completed_on', 'evidence_required', 'completion_criterion'])
      .where('parent_id', '=', report.nodeId)
      .where('kind', '=', 'milestone')
      .where('deleted_at', 'is', null)
      .orderBy('seq')
      .execute(),
    report.role === 'lead'
      ? selectReports(db, { cycleId: report.cycleId, nodeId: report.nodeId, role: 'participant', draftsOnlyOfUnit: null }, { offset: 0, limit: 200 }).then((r) => r.items)
      : Promise.resolve([]),
    db.selectFrom('attachment').select(['id', 'file_name', 'mime', 'size', 'thumbnail', 'created_at']).where('report_id', '=', report.id).where('deleted_at', 'is', null).orderBy('created_at').execute(),
  ]);
  const roles = workflowRolesFor(actor, report);
  return {
    ...report,
    milestones: milestones.map((m) => ({
      id: m.id,
      code: m.code,
      title: m.title,
      dueOn: m.due_on,
      completedOn: m.completed_on,
      evidenceRequired: Boolean(m.evidence_required),
      completionCriterion: m.completion_criterion,
    })),
    contributions,
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.file_name, mime: a.mime, size: Number(a.size), hasThumbnail: a.thumbnail !== null, createdAt: a.created_at })),
    allowedActions: ACTIONS.filter((a) => {
      try {
        nextReportState(report.state, a, roles);
        return true;
      } catch {
        return false;
      }
    }),
    editable: isEditable(report.state) && roles.includes('unit_staff'),
  };
}

/** Saves a draft (or a returned report being reworked). A stale version gets 409 and nothing is written. */
export async function saveReport(ctx: ServiceContext, actor: Actor, reportId: string, input: SaveReportInput): Promise<ReportDetail> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const report = await requireReport(tx, reportId);
    await assertCanRead(tx, actor, report);
    if (!workflowRolesFor(actor, report).includes('unit_staff')) throw new DomainError('FORBIDDEN', { reportId });
    if (report.version !== input.version) throw new DomainError('VERSION_CONFLICT', { reportId, expected: input.version, actual: report.version });
    if (!isEditable(report.state)) throw new DomainError('REPORT_NOT_EDITABLE', { state: report.state });
    if (input.milestoneUpdates) await assertMilestonesOfTask(tx, report.nodeId, input.milestoneUpdates);
    // The version check above read a snapshot: on PostgreSQL a concurrent save may have committed since,
    // and then this guarded update touches no row. That writer lost the race: 409, and its transaction rolls back.
    await writeVersioned(
      tx
        .updateTable('report')
        .set({
          ...(input.progressPct !== undefined && { progress_pct: input.progressPct }),
          ...(input.narrative !== undefined && { narrative: input.narrative }),
          ...(input.problems !== undefined && { problems: input.problems }),
          ...(input.coordinationRequest !== undefined && { coordination_request: input.coordinationRequest }),
          ...(input.nextSteps !== undefined && { next_steps: input.nextSteps }),
          ...(input.milestoneUpdates !== undefined && { milestone_updates: writeJson(input.milestoneUpdates) }),
          version: input.version + 1,
          updated_at: nowIso(ctx),
        })
        .where('id', '=', reportId)
        .where('version', '=', input.version),
      { reportId, expected: input.version },
    );
    const after = await requireReport(tx, reportId);
    await audit('report.save', 'report', reportId, contentOf(report), contentOf(after));
    return detail(tx, actor, after);
  });
}

const contentOf = (r: Report) => ({
  state: r.state,
  progressPct: r.progressPct,
  narrative: r.narrative,
  problems: r.problems,
  coordinationRequest: r.coordinationRequest,
  nextSteps: r.nextSteps,
  milestoneUpdates: r.milestoneUpdates,
  version: r.version,
});

async function assertMilestonesOfTask(db: Executor, taskId: string, updates: MilestoneUpdate[]) {
  const ids = updates.map((u) => u.nodeId);
  if (!ids.length) return;
  const found = await db.selectFrom('plan_node').select('id').where('id', 'in', ids).where('parent_id', '=', taskId).where('kind', '=', 'milestone').execute();
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw new DomainError('NODE_NOT_FOUND', { nodeIds: missing, reason: 'not a milestone of this task' });
}

export interface TransitionInput {
  version: number;
  comment?: string | undefined;
  qualityRating?: number | undefined;
}

/**
 * Moves a report along its workflow. Submitting checks it is complete; the office's acceptance writes
 * the milestone completions it reports into the plan, and a lead unit's 100% completes the task.
 */
export async function transitionReport(ctx: ServiceContext, actor: Actor, reportId: string, action: ReportAction, input: TransitionInput): Promise<ReportDetail> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const report = await requireReport(tx, reportId);
    await assertCanRead(tx, actor, report);
    if (report.version !== input.version) throw new DomainError('VERSION_CONFLICT', { reportId, expected: input.version, actual: report.version });
    const to: ReportState = nextReportState(report.state, action, workflowRolesFor(actor, report));
    const at = nowIso(ctx);
    if (action === 'submit') await assertComplete(tx, report);
    if (action === 'return' && !input.comment?.trim()) throw new DomainError('VALIDATION_FAILED', { field: 'comment' });
    // As in saveReport: a concurrent transition committed first, so this one changes nothing and says so.
    await writeVersioned(
      tx
        .updateTable('report')
        .set({
          state: to,
          ...(action === 'submit' && { submitted_at: at, submitted_by: actor.userId, return_comment: null }),
          ...(action === 'approve' && { approved_at: at, approved_by: actor.userId }),
          ...(action === 'accept' && { accepted_at: at, accepted_by: actor.userId, quality_rating: input.qualityRating ?? null }),
          // A returned report starts its review again: the earlier approval no longer stands.
          ...(action === 'return' && { returned_at: at, returned_by: actor.userId, return_comment: input.comment!.trim(), approved_at: null, approved_by: null }),
          version: input.version + 1,
          updated_at: at,
        })
        .where('id', '=', reportId)
        .where('version', '=', input.version),
      { reportId, expected: input.version },
    );
    if (action === 'accept') await applyAcceptedReport(tx, report, at);
    const link = `/reports/${reportId}`;
    if (action === 'return') {
      await notifyUnit(tx, report.unitId, { kind: 'report_returned', title: `${report.cycleLabel}进展报告被退回：${report.nodeCode} ${report.nodeTitle}`, body: input.comment ?? null, link }, at, ['reporter', 'unit_lead']);
    }
    if (action === 'submit') {
      await notifyUnit(tx, report.unitId, { kind: 'report_submitted', title: `待审核：${report.cycleLabel} ${report.nodeCode} ${report.nodeTitle}`, link }, at, ['unit_lead']);
    }
    const after = await requireReport(tx, reportId);
    await audit(`report.${action}`, 'report', reportId, { state: report.state }, { state: to, ...(input.comment && { comment: input.comment }), ...(input.qualityRating && { qualityRating: input.qualityRating }) });
    return detail(tx, actor, after);
  });
}

async function assertComplete(db: Executor, report: Report) {
  const missing: string[] = [];
  if (report.progressPct === null) missing.push('progressPct');
  if (!report.narrative?.trim()) missing.push('narrative');
  const doneWithEvidence = report.milestoneUpdates.filter((u) => u.done).map((u) => u.nodeId);
  if (doneWithEvidence.length) {
    const needEvidence = await db.selectFrom('plan_node').select('id').where('id', 'in', doneWithEvidence).where('evidence_required', '=', 1).execute();
    if (needEvidence.length) {
      const files = await db.selectFrom('attachment').select('id').where('report_id', '=', report.id).where('deleted_at', 'is', null).limit(1).execute();
      if (!files.length) missing.push('attachments');
    }
  }
  if (missing.length) throw new DomainError('REPORT_INCOMPLETE', { missing });
}

async function applyAcceptedReport(db: Executor, report: Report, at: string) {
  const day = at.slice(0, 10);
  for (const u of report.milestoneUpdates) {
    await db
      .updateTable('plan_node')
      .set({ completed_on: u.done ? (u.doneOn ?? day) : null, updated_at: at })
      .where('id', '=', u.nodeId)
      .where('parent_id', '=', report.nodeId)
      .execute();
  }
  if (report.role === 'lead' && report.progressPct !== null && report.progressPct >= 100) {
    await db.updateTable('plan_node').set({ completed_on: day, updated_at: at }).where('id', '=', report.nodeId).where('completed_on', 'is', null).execute();
  }
}
