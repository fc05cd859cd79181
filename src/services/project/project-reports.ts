import { randomUUID } from 'node:crypto';
import { countsAsFiled, cycleLabelInEnglish, DomainError, isEditable, nextReportState, planVsActual, scopeOf, type PlanVsActualPoint, type ReportAction, type ReportActorRole, type ReportState } from '../../domain';
import type { Executor } from '../../db/schema';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import { notifyUnit } from '../follow-up/notifications';
import { requireProject } from './project-model';
import { writeVersioned } from '../versioned-update';

export interface ProjectReport {
  id: string;
  projectId: string;
  projectTitle: string;
  cycleId: string;
  cycleLabel: string;
  cycleLabelEn: string;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  unitId: string;
  unitName: string;
  state: ReportState;
  /** 亿元 completed in the cycle's month. */
  investmentMonth: number | null;
  /** 亿元 completed since the project started. */
  investmentCumulative: number | null;
  physicalPct: number | null;
  narrative: string | null;
  problems: string | null;
  returnComment: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
  acceptedAt: string | null;
  version: number;
  allowedActions: ReportAction[];
  editable: boolean;
}

export interface SaveProjectReportInput {
  version: number;
  investmentMonth?: number | null | undefined;
  investmentCumulative?: number | null | undefined;
  physicalPct?: number | null | undefined;
  narrative?: string | null | undefined;
  problems?: string | null | undefined;
}

const ACTIONS: ReportAction[] = ['submit', 'approve', 'return', 'accept'];

/** The task reports' workflow roles, with project:report in place of report:write: the responsible unit's staff fill in the figures. */
function rolesFor(actor: Actor, unitId: string): ReportActorRole[] {
  const roles: ReportActorRole[] = [];
  const own = actor.unitId === unitId;
  const write = scopeOf(actor.roles, 'project:report');
  const approve = scopeOf(actor.roles, 'report:approve');
  if (write === 'all' || (write === 'own-unit' && own)) roles.push('unit_staff');
  if (approve === 'all' || (approve === 'own-unit' && own)) roles.push('unit_lead');
  if (scopeOf(actor.roles, 'report:review') === 'all') roles.push('office');
  return roles;
}

function selectReports(db: Executor) {
  return db
    .selectFrom('project_report as r')
    .innerJoin('project as p', 'p.id', 'r.project_id')
    .innerJoin('cycle as c', 'c.id', 'r.cycle_id')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .selectAll('r')
    .select(['p.title as project_title', 'c.label as cycle_label', 'c.period_start', 'c.period_end', 'c.due_on', 'u.name as unit_name']);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectReports>['executeTakeFirstOrThrow']>>;

function toReport(r: Row, actor: Actor): ProjectReport {
  const state = r.state as ReportState;
  const roles = rolesFor(actor, r.unit_id);
  const num = (v: number | null) => (v === null ? null : Number(v));
  return {
    id: r.id,
    projectId: r.project_id,
    projectTitle: r.project_title,
    cycleId: r.cycle_id,
    cycleLabel: r.cycle_label,
    cycleLabelEn: cycleLabelInEnglish(r.cycle_label),
    periodStart: r.period_start,
    periodEnd: r.period_end,
    dueOn: r.due_on,
    unitId: r.unit_id,
    unitName: r.unit_name,
    state,
    investmentMonth: num(r.investment_month),
    investmentCumulative: num(r.investment_cumulative),
    physicalPct: num(r.physical_pct),
    narrative: r.narrative,
    problems: r.problems,
    returnComment: r.return_comment,
    submittedAt: r.submitted_at,
    approvedAt: r.approved_at,
    acceptedAt: r.accepted_at,
    version: Number(r.version),
    allowedActions: ACTIONS.filter((a) => {
      try {
        nextReportState(state, a, roles);
        return true;
      } catch {
        return false;
      }
    }),
    editable: isEditable(state) && roles.includes('unit_staff'),
  };
}

/** Another unit's draft is not shown to anyone but that unit (and admin), as with task reports. */
const visible = (actor: Actor, r: Row) => actor.unitId === r.unit_id || actor.roles.includes('admin') || !isEditable(r.state as ReportState);

async function requireReport(db: Executor, actor: Actor, id: string): Promise<Row> {
  const r = await selectReports(db).where('r.id', '=', id).executeTakeFirst();
  if (!r || !visible(actor, r)) throw new DomainError('REPORT_NOT_FOUND', { reportId: id });
  return r;
}

export async function listProjectReports(ctx: ServiceContext, actor: Actor, projectId: string): Promise<ProjectReport[]> {
  await requireProject(ctx.db, projectId);
  const rows = await selectReports(ctx.db).where('r.project_id', '=', projectId).orderBy('c.period_start', 'desc').execute();
  return rows.filter((r) => visible(actor, r)).map((r) => toReport(r, actor));
}

export async function getProjectReport(ctx: ServiceContext, actor: Actor, id: string): Promise<ProjectReport> {
  return toReport(await requireReport(ctx.db, actor, id), actor);
}

/**
 * The responsible unit's report for a cycle, created as a draft the first time it is asked for; asking
 * again returns the same report, so two clicks never make two.
 */
export async function openProjectReport(ctx: ServiceContext, actor: Actor, projectId: string, cycleId: string): Promise<ProjectReport> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const project = await requireProject(tx, projectId);
    if (!project.unitId) throw new DomainError('VALIDATION_FAILED', { field: 'unitId', reason: 'the project has no responsible unit' });
    if (!rolesFor(actor, project.unitId).includes('unit_staff')) throw new DomainError('FORBIDDEN', { projectId });
    const cycle = await tx.selectFrom('cycle').select(['id', 'state']).where('id', '=', cycleId).executeTakeFirst();
    if (!cycle) throw new DomainError('CYCLE_NOT_FOUND', { cycleId });
    const existing = await tx.selectFrom('project_report').select('id').where('project_id', '=', projectId).where('cycle_id', '=', cycleId).executeTakeFirst();
    if (existing) return toReport(await requireReport(tx, actor, existing.id), actor);
    if (cycle.state !== 'open') throw new DomainError('CYCLE_CLOSED', { cycleId });
    const id = randomUUID();
    const at = nowIso(ctx);
    await tx.insertInto('project_report').values({ id, project_id: projectId, cycle_id: cycleId, unit_id: project.unitId, investment_month: null, investment_cumulative: null, physical_pct: null, narrative: null, problems: null, submitted_at: null, submitted_by: null, approved_at: null, approved_by: null, accepted_at: null, accepted_by: null, returned_at: null, returned_by: null, return_comment: null, created_at: at, updated_at: at }).execute();
    await audit('project_report.open', 'project_report', id, null, { projectId, cycleId, unitId: project.unitId });
    return toReport(await requireReport(tx, actor, id), actor);
  });
}

export async function saveProjectReport(ctx: ServiceContext, actor: Actor, id: string, input: SaveProjectReportInput): Promise<ProjectReport> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const r = await requireReport(tx, actor, id);
    if (!rolesFor(actor, r.unit_id).includes('unit_staff')) throw new DomainError('FORBIDDEN', { reportId: id });
    if (Number(r.version) !== input.version) throw new DomainError('VERSION_CONFLICT', { reportId: id, expected: input.version, actual: Number(r.version) });
    if (!isEditable(r.state as ReportState)) throw new DomainError('REPORT_NOT_EDITABLE', { state: r.state });
    const { version, ...patch } = input;
    await writeVersioned(
      tx
        .updateTable('project_report')
        .set({
          ...(patch.investmentMonth !== undefined && { investment_month: patch.investmentMonth }),
          ...(patch.investmentCumulative !== undefined && { investment_cumulative: patch.investmentCumulative }),
          ...(patch.physicalPct !== undefined && { physical_pct: patch.physicalPct }),
          ...(patch.narrative !== undefined && { narrative: patch.narrative }),
          ...(patch.problems !== undefined && { problems: patch.problems }),
          version: version + 1,
          updated_at: nowIso(ctx),
        })
        .where('id', '=', id)
        .where('version', '=', version),
      { reportId: id },
    );
    await audit('project_report.save', 'project_report', id, { investmentMonth: r.investment_month, investmentCumulative: r.investment_cumulative, physicalPct: r.physical_pct, narrative: r.narrative }, patch);
    return toReport(await requireReport(tx, actor, id), actor);
  });
}

/** draft → submitted → approved (unit lead) → accepted/returned (office), exactly as task reports move. */
export async function transitionProjectReport(ctx: ServiceContext, actor: Actor, id: string, action: ReportAction, input: { version: number; comment?: string | undefined }): Promise<ProjectReport> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const r = await requireReport(tx, actor, id);
    if (Number(r.version) !== input.version) throw new DomainError('VERSION_CONFLICT', { reportId: id, expected: input.version, actual: Number(r.version) });
    const to = nextReportState(r.state as ReportState, action, rolesFor(actor, r.unit_id));
    if (action === 'submit') {
      const missing = [...(r.investment_month === null && r.investment_cumulative === null ? ['investmentMonth'] : []), ...(r.physical_pct === null ? ['physicalPct'] : []), ...(!r.narrative?.trim() ? ['narrative'] : [])];
      if (missing.length) throw new DomainError('REPORT_INCOMPLETE', { missing });
    }
    if (action === 'return' && !input.comment?.trim()) throw new DomainError('VALIDATION_FAILED', { field: 'comment' });
    const at = nowIso(ctx);
    await writeVersioned(
      tx
        .updateTable('project_report')
        .set({
          state: to,
          ...(action === 'submit' && { submitted_at: at, submitted_by: actor.userId, return_comment: null }),
          ...(action === 'approve' && { approved_at: at, approved_by: actor.userId }),
          ...(action === 'accept' && { accepted_at: at, accepted_by: actor.userId }),
          ...(action === 'return' && { returned_at: at, returned_by: actor.userId, return_comment: input.comment!.trim(), approved_at: null, approved_by: null }),
          version: input.version + 1,
          updated_at: at,
        })
        .where('id', '=', id)
        .where('version', '=', input.version),
      { reportId: id },
    );
    const link = `/projects/${r.project_id}`;
    if (action === 'return') await notifyUnit(tx, r.unit_id, { kind: 'report_returned', title: `${r.cycle_label}项目月报被退回：${r.project_title}`, body: input.comment ?? null, link }, at, ['reporter', 'unit_lead']);
    if (action === 'submit') await notifyUnit(tx, r.unit_id, { kind: 'report_submitted', title: `待审核：${r.cycle_label} 项目月报 ${r.project_title}`, link }, at, ['unit_lead']);
    await audit(`project_report.${action}`, 'project_report', id, { state: r.state }, { state: to, ...(input.comment && { comment: input.comment }) });
    // The actor saw it a moment ago: a report the office has just returned is shown to it once more.
    return toReport(await selectReports(tx).where('r.id', '=', id).executeTakeFirstOrThrow(), actor);
  });
}

export interface ProjectSeries {
  points: PlanVsActualPoint[];
  latestPhysicalPct: number | null;
  unit: '亿元';
}

/** Cumulative plan vs. actual investment from the annual plan and the reports the unit has filed. */
export async function projectSeries(ctx: ServiceContext, projectId: string): Promise<ProjectSeries> {
  const project = await requireProject(ctx.db, projectId);
  const rows = await ctx.db
    .selectFrom('project_report as r')
    .innerJoin('cycle as c', 'c.id', 'r.cycle_id')
    .select(['r.state', 'r.investment_month', 'r.investment_cumulative', 'r.physical_pct', 'c.period_start'])
    .where('r.project_id', '=', projectId)
    .orderBy('c.period_start')
    .execute();
  const filed = rows.filter((r) => countsAsFiled(r.state as ReportState));
  const n = (v: number | null) => (v === null ? null : Number(v));
  const points = planVsActual(
    project.budgetPlan.map((b) => ({ year: b.year, amount: b.amount })),
    filed.map((r) => ({ month: r.period_start.slice(0, 7), investmentMonth: n(r.investment_month), investmentCumulative: n(r.investment_cumulative) })),
  );
  const latest = [...filed].reverse().find((r) => r.physical_pct !== null);
  return { points, latestPhysicalPct: latest ? Number(latest.physical_pct) : null, unit: '亿元' };
}
