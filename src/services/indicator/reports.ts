import { randomUUID } from 'node:crypto';
import {
  cycleLabelInEnglish,
  allowedIndicatorReportActions,
  DomainError,
  isIndicatorReportEditable,
  nextIndicatorReportState,
  periodsDueInCycle,
  scopeOf,
  type ExplainLang,
  type IndicatorReportAction,
  type IndicatorReportRole,
  type IndicatorReportState,
} from '../../domain';
import type { Executor } from '../../db/schema';
import { inTransaction, nowIso, type Actor, type BoundAudit, type ServiceContext } from '../context';
import { notifyRole, notifyUnit } from '../follow-up/notifications';
import type { Page } from '../paging';
import { requireIndicator, type Indicator } from './definitions';
import { divisionName, loadDivisionCatalogue, type DivisionCatalogue } from './regions';
import { writeVersioned } from '../versioned-update';

export interface IndicatorReport {
  id: string;
  indicatorId: string;
  indicatorCode: string;
  indicatorName: string;
  measureUnit: string;
  cycleId: string;
  cycleLabel: string;
  cycleLabelEn: string;
  dueOn: string;
  unitId: string;
  unitName: string;
  divisionCode: string;
  divisionName: string;
  period: string;
  state: IndicatorReportState;
  value: number | null;
  source: string | null;
  note: string | null;
  returnComment: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  version: number;
  allowedActions: IndicatorReportAction[];
  editable: boolean;
}

export interface IndicatorReportInput {
  cycleId: string;
  divisionCode: string;
  period: string;
  value: number | null;
  source: string | null;
  note: string | null;
}

export interface IndicatorReportFilter {
  indicatorId?: string | undefined;
  cycleId?: string | undefined;
  unitId?: string | undefined;
  state?: IndicatorReportState | undefined;
}

/** Task reports' roles: report:write makes the owner unit's staff the filer, report:review makes the office the reviewer. */
function rolesFor(actor: Actor, unitId: string): IndicatorReportRole[] {
  const roles: IndicatorReportRole[] = [];
  const write = scopeOf(actor.roles, 'report:write');
  if (write === 'all' || (write === 'own-unit' && actor.unitId === unitId)) roles.push('unit_staff');
  if (scopeOf(actor.roles, 'report:review') === 'all') roles.push('office');
  return roles;
}

function selectReports(db: Executor) {
  return db
    .selectFrom('indicator_report as r')
    .innerJoin('indicator as i', 'i.id', 'r.indicator_id')
    .innerJoin('cycle as c', 'c.id', 'r.cycle_id')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .selectAll('r')
    .select(['i.code as indicator_code', 'i.name_zh', 'i.name_en', 'i.unit as measure_unit', 'c.label as cycle_label', 'c.due_on', 'u.name as unit_name']);
}
type Row = Awaited<ReturnType<ReturnType<typeof selectReports>['executeTakeFirstOrThrow']>>;

function toReport(r: Row, actor: Actor, cat: DivisionCatalogue, lang: ExplainLang): IndicatorReport {
  const state = r.state as IndicatorReportState;
  const roles = rolesFor(actor, r.unit_id);
  return {
    id: r.id,
    indicatorId: r.indicator_id,
    indicatorCode: r.indicator_code,
    indicatorName: lang === 'en' ? r.name_en : r.name_zh,
    measureUnit: r.measure_unit,
    cycleId: r.cycle_id,
    cycleLabel: r.cycle_label,
    cycleLabelEn: cycleLabelInEnglish(r.cycle_label),
    dueOn: r.due_on,
    unitId: r.unit_id,
    unitName: r.unit_name,
    divisionCode: r.division_code,
    divisionName: divisionName(cat, r.division_code, lang),
    period: r.period,
    state,
    value: r.value === null ? null : Number(r.value),
    source: r.source,
    note: r.note,
    returnComment: r.return_comment,
    submittedAt: r.submitted_at,
    reviewedAt: r.reviewed_at,
    version: Number(r.version),
    allowedActions: allowedIndicatorReportActions(state, roles),
    editable: isIndicatorReportEditable(state) && roles.includes('unit_staff'),
  };
}

/** A unit's draft is its own until submitted, as with task reports; report:read own-unit sees only its unit's. */
function visibleTo<Q extends ReturnType<typeof selectReports>>(q: Q, actor: Actor): Q {
  if (actor.roles.includes('admin')) return q;
  const scope = scopeOf(actor.roles, 'report:read');
  return q.where((eb) =>
    eb.and([
      ...(scope === 'all' ? [] : [eb('r.unit_id', '=', actor.unitId ?? '')]),
      eb.or([eb('r.state', '!=', 'draft'), eb('r.unit_id', '=', actor.unitId ?? '')]),
    ]),
  ) as Q;
}

async function requireReport(db: Executor, actor: Actor, id: string): Promise<Row> {
  const r = await visibleTo(selectReports(db), actor).where('r.id', '=', id).executeTakeFirst();
  if (!r) throw new DomainError('REPORT_NOT_FOUND', { reportId: id });
  return r;
}

async function reportById(db: Executor, actor: Actor, id: string, lang: ExplainLang) {
  return toReport(await requireReport(db, actor, id), actor, await loadDivisionCatalogue(db), lang);
}

export async function listIndicatorReports(
  ctx: ServiceContext,
  actor: Actor,
  f: IndicatorReportFilter,
  page: { page: number; pageSize: number },
  lang: ExplainLang,
): Promise<Page<IndicatorReport>> {
  let q = visibleTo(selectReports(ctx.db), actor);
  if (f.indicatorId) q = q.where('r.indicator_id', '=', f.indicatorId);
  if (f.cycleId) q = q.where('r.cycle_id', '=', f.cycleId);
  if (f.unitId) q = q.where('r.unit_id', '=', f.unitId);
  if (f.state) q = q.where('r.state', '=', f.state);
  const [{ n }, rows, cat] = await Promise.all([
    q.clearSelect().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    q.orderBy('c.period_start', 'desc').orderBy('i.code').orderBy('r.period', 'desc').orderBy('r.id').limit(page.pageSize).offset((page.page - 1) * page.pageSize).execute(),
    loadDivisionCatalogue(ctx.db),
  ]);
  return { items: rows.map((r) => toReport(r, actor, cat, lang)), total: Number(n), page: page.page, pageSize: page.pageSize };
}

export interface DueIndicatorReport {
  cycleId: string;
  cycleLabel: string;
  cycleLabelEn: string;
  dueOn: string;
  indicatorId: string;
  indicatorCode: string;
  indicatorName: string;
  measureUnit: string;
  frequency: string;
  period: string;
  unitId: string;
  unitName: string;
  /** Where the unit's figure is filed by default: its own division, else its province. */
  divisionCode: string;
  divisionName: string;
  report: IndicatorReport | null;
}

/**
 * The figures due in the open cycles: for each indicator with an owner unit (the actor's own unit unless
 * report:write reaches all), each period that closes within the cycle. Three queries whatever the count.
 */
export async function dueIndicatorReports(ctx: ServiceContext, actor: Actor, cycleId: string | undefined, lang: ExplainLang): Promise<DueIndicatorReport[]> {
  const scope = scopeOf(actor.roles, 'report:write');
  if (!scope) throw new DomainError('FORBIDDEN', {});
  let cycles = ctx.db.selectFrom('cycle').select(['id', 'label', 'due_on', 'period_start', 'period_end']).where('state', '=', 'open');
  if (cycleId) cycles = cycles.where('id', '=', cycleId);
  let inds = ctx.db
    .selectFrom('indicator')
    .innerJoin('unit', 'unit.id', 'indicator.owner_unit_id')
    .select(['indicator.id', 'indicator.code', 'indicator.name_zh', 'indicator.name_en', 'indicator.unit', 'indicator.frequency', 'indicator.owner_unit_id', 'unit.name as unit_name', 'unit.division_code', 'unit.side'])
    .where('indicator.derivation', 'is', null);
  if (scope === 'own-unit') inds = inds.where('indicator.owner_unit_id', '=', actor.unitId ?? '');
  const [cycleRows, indicatorRows, cat] = await Promise.all([cycles.orderBy('due_on').execute(), inds.orderBy('indicator.code').execute(), loadDivisionCatalogue(ctx.db)]);
  if (!cycleRows.length || !indicatorRows.length) return [];
  const reports = await visibleTo(selectReports(ctx.db), actor)
    .where('r.cycle_id', 'in', cycleRows.map((c) => c.id))
    .where('r.indicator_id', 'in', indicatorRows.map((i) => i.id))
    .execute();
  const byKey = new Map(reports.map((r) => [`${r.cycle_id}|${r.indicator_id}|${r.period}`, r]));
  const out: DueIndicatorReport[] = [];
  for (const c of cycleRows)
    for (const i of indicatorRows)
      for (const period of periodsDueInCycle(i.frequency as 'year' | 'quarter' | 'month', c.period_start, c.period_end)) {
        const r = byKey.get(`${c.id}|${i.id}|${period}`);
        const division = r?.division_code ?? defaultDivision(i.division_code, i.side, cat);
        out.push({
          cycleId: c.id,
          cycleLabel: c.label,
          cycleLabelEn: cycleLabelInEnglish(c.label),
          dueOn: c.due_on,
          indicatorId: i.id,
          indicatorCode: i.code,
          indicatorName: lang === 'en' ? i.name_en : i.name_zh,
          measureUnit: i.unit,
          frequency: i.frequency,
          period,
          unitId: i.owner_unit_id!,
          unitName: i.unit_name,
          divisionCode: division,
          divisionName: divisionName(cat, division, lang),
          report: r ? toReport(r, actor, cat, lang) : null,
        });
      }
  return out;
}

function defaultDivision(unitDivision: string | null, side: string, cat: DivisionCatalogue): string {
  if (unitDivision && cat.names.has(unitDivision)) return unitDivision;
  return side === 'chongqing' ? '500000' : '510000';
}

async function assertFiler(actor: Actor, indicator: Indicator) {
  if (!indicator.ownerUnitId) throw new DomainError('VALIDATION_FAILED', { field: 'ownerUnitId', reason: 'the indicator has no owner unit' });
  if (!rolesFor(actor, indicator.ownerUnitId).includes('unit_staff')) throw new DomainError('FORBIDDEN', { indicatorId: indicator.id });
}

/** The owner unit starts its figure for a cycle's period as a draft; a second start for the same place is a conflict. */
export async function createIndicatorReport(ctx: ServiceContext, actor: Actor, indicatorId: string, input: IndicatorReportInput, lang: ExplainLang): Promise<IndicatorReport> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const indicator = await requireIndicator(tx, indicatorId, lang);
    if (indicator.derived) throw new DomainError('VALIDATION_FAILED', { field: 'indicatorId', reason: 'derived indicators are computed' });
    await assertFiler(actor, indicator);
    const cycle = await tx.selectFrom('cycle').select(['id', 'state', 'period_start', 'period_end']).where('id', '=', input.cycleId).executeTakeFirst();
    if (!cycle) throw new DomainError('CYCLE_NOT_FOUND', { cycleId: input.cycleId });
    if (cycle.state !== 'open') throw new DomainError('CYCLE_CLOSED', { cycleId: input.cycleId });
    const due = periodsDueInCycle(indicator.frequency, cycle.period_start, cycle.period_end);
    if (!due.includes(input.period)) throw new DomainError('VALIDATION_FAILED', { field: 'period', reason: `this cycle asks for ${due.join(', ') || 'no period'}` });
    const cat = await loadDivisionCatalogue(tx);
    if (!cat.names.has(input.divisionCode)) throw new DomainError('VALIDATION_FAILED', { field: 'divisionCode', reason: 'unknown division or region' });
    const clash = await tx.selectFrom('indicator_report').select('id').where('indicator_id', '=', indicatorId).where('cycle_id', '=', input.cycleId).where('division_code', '=', input.divisionCode).where('period', '=', input.period).executeTakeFirst();
    if (clash) throw new DomainError('VERSION_CONFLICT', { reportId: clash.id, expected: null });
    const id = randomUUID();
    const at = nowIso(ctx);
    await tx
      .insertInto('indicator_report')
      .values({ id, indicator_id: indicatorId, cycle_id: input.cycleId, unit_id: indicator.ownerUnitId!, division_code: input.divisionCode, period: input.period, value: input.value, source: input.source, note: input.note, submitted_at: null, submitted_by: null, reviewed_at: null, reviewed_by: null, return_comment: null, created_at: at, updated_at: at })
      .execute();
    await audit('indicator_report.create', 'indicator_report', id, null, { indicatorId, ...input });
    return toReport(await requireReport(tx, actor, id), actor, cat, lang);
  });
}

export async function saveIndicatorReport(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  input: { version: number; value?: number | null | undefined; source?: string | null | undefined; note?: string | null | undefined },
  lang: ExplainLang,
): Promise<IndicatorReport> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const r = await requireReport(tx, actor, id);
    if (!rolesFor(actor, r.unit_id).includes('unit_staff')) throw new DomainError('FORBIDDEN', { reportId: id });
    if (Number(r.version) !== input.version) throw new DomainError('VERSION_CONFLICT', { reportId: id, expected: input.version, actual: Number(r.version) });
    if (!isIndicatorReportEditable(r.state as IndicatorReportState)) throw new DomainError('REPORT_NOT_EDITABLE', { state: r.state });
    const { version, ...patch } = input;
    await writeVersioned(
      tx
        .updateTable('indicator_report')
        .set({
          ...(patch.value !== undefined && { value: patch.value }),
          ...(patch.source !== undefined && { source: patch.source }),
          ...(patch.note !== undefined && { note: patch.note }),
          version: version + 1,
          updated_at: nowIso(ctx),
        })
        .where('id', '=', id)
        .where('version', '=', version),
      { reportId: id },
    );
    await audit('indicator_report.save', 'indicator_report', id, { value: r.value === null ? null : Number(r.value), source: r.source, note: r.note }, patch);
    return reportById(tx, actor, id, lang);
  });
}

/**
 * submit (unit) → accept or return (office). Accepting writes the figure into the observations, so only
 * accepted figures reach the chart, the status and the cockpit. It replaces an earlier value for the same place
 * and period (the unit's figure is the newer one); the office can still correct it afterwards.
 */
export async function transitionIndicatorReport(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  action: IndicatorReportAction,
  input: { version: number; comment?: string | undefined },
  lang: ExplainLang,
): Promise<IndicatorReport> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const r = await requireReport(tx, actor, id);
    if (Number(r.version) !== input.version) throw new DomainError('VERSION_CONFLICT', { reportId: id, expected: input.version, actual: Number(r.version) });
    const to = nextIndicatorReportState(r.state as IndicatorReportState, action, rolesFor(actor, r.unit_id));
    if (action === 'submit') {
      const missing = [...(r.value === null ? ['value'] : []), ...(!r.source?.trim() ? ['source'] : [])];
      if (missing.length) throw new DomainError('REPORT_INCOMPLETE', { missing });
    }
    const comment = input.comment?.trim();
    if (action === 'return' && !comment) throw new DomainError('VALIDATION_FAILED', { field: 'comment' });
    const at = nowIso(ctx);
    await writeVersioned(
      tx
        .updateTable('indicator_report')
        .set({
          state: to,
          ...(action === 'submit' ? { submitted_at: at, submitted_by: actor.userId, return_comment: null } : { reviewed_at: at, reviewed_by: actor.userId }),
          ...(action === 'return' && { return_comment: comment! }),
          version: input.version + 1,
          updated_at: at,
        })
        .where('id', '=', id)
        .where('version', '=', input.version),
      { reportId: id },
    );
    if (action === 'accept') await recordAccepted(tx, r, at, audit);
    const link = `/indicators/${r.indicator_id}`;
    const title = `${r.cycle_label} ${r.name_zh}（${r.period}）`;
    if (action === 'return') await notifyUnit(tx, r.unit_id, { kind: 'report_returned', title: `指标填报被退回：${title}`, body: comment ?? null, link }, at, ['reporter', 'unit_lead']);
    // No unit-lead step for a figure: the office reviews it straight away, so the office hears of it.
    if (action === 'submit') await notifyRole(tx, 'office', { kind: 'report_submitted', title: `待审核指标填报：${r.unit_name} ${title}`, link: '/indicator-reports' }, at);
    await audit(`indicator_report.${action}`, 'indicator_report', id, { state: r.state }, { state: to, ...(comment && { comment }) });
    return reportById(tx, actor, id, lang);
  });
}

async function recordAccepted(tx: Executor, r: Row, at: string, audit: BoundAudit) {
  const existing = await tx.selectFrom('indicator_observation').selectAll().where('indicator_id', '=', r.indicator_id).where('division_code', '=', r.division_code).where('period', '=', r.period).executeTakeFirst();
  const values = { value: r.value, source: r.source, note: r.note, reliability: null, origin: 'report', entered_by: r.submitted_by, user_edited: 1, updated_at: at };
  if (existing) {
    await tx.updateTable('indicator_observation').set({ ...values, version: Number(existing.version) + 1 }).where('id', '=', existing.id).execute();
    await audit('indicator.observation_save', 'indicator', r.indicator_id, { id: existing.id, value: existing.value === null ? null : Number(existing.value), source: existing.source }, { id: existing.id, divisionCode: r.division_code, period: r.period, value: r.value, source: r.source, reportId: r.id });
  } else {
    const obsId = randomUUID();
    await tx.insertInto('indicator_observation').values({ id: obsId, indicator_id: r.indicator_id, division_code: r.division_code, period: r.period, ...values, version: 1, created_at: at }).execute();
    await audit('indicator.observation_save', 'indicator', r.indicator_id, null, { id: obsId, divisionCode: r.division_code, period: r.period, value: r.value, source: r.source, reportId: r.id });
  }
}
