import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain';
import { assessmentPeriod, DEFAULT_SCHEME, schemeProblems, type AssessmentRule, type PeriodKind, type RuleParams, type SchemeItem } from '../../domain/assessment';
import { fromFlag, readJson, toFlag, writeJson } from '../../db/json';
import type { Updateable } from 'kysely';
import type { AssessmentPeriodTable, Executor } from '../../db/schema';
import { inTransaction, nowIso, type Actor, type ServiceContext } from '../context';
import type { Page } from '../paging';
import { requirePlan } from '../plan/read-plan';
import { writeVersioned } from '../versioned-update';

export type PeriodState = 'draft' | 'computed' | 'published';

export interface AssessmentPeriod {
  id: string;
  planId: string;
  label: string;
  kind: PeriodKind;
  periodStart: string;
  periodEnd: string;
  includeChongqing: boolean;
  state: PeriodState;
  publishedNumber: number;
  computedAt: string | null;
  computedAsOf: string | null;
  reopenReason: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface AssessmentItem extends SchemeItem {
  sortOrder: number;
}

type PeriodRow = {
  id: string; plan_id: string; label: string; kind: string; period_start: string; period_end: string; include_chongqing: number; state: string;
  published_number: number; computed_at: string | null; computed_as_of: string | null; reopen_reason: string | null; version: number; created_at: string; updated_at: string;
};

export function toPeriod(r: PeriodRow): AssessmentPeriod {
  return {
    id: r.id,
    planId: r.plan_id,
    label: r.label,
    kind: r.kind as PeriodKind,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    includeChongqing: fromFlag(r.include_chongqing),
    state: r.state as PeriodState,
    publishedNumber: Number(r.published_number),
    computedAt: r.computed_at,
    computedAsOf: r.computed_as_of,
    reopenReason: r.reopen_reason,
    version: Number(r.version),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function requirePeriod(db: Executor, id: string, version?: number): Promise<AssessmentPeriod> {
  const row = await db.selectFrom('assessment_period').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new DomainError('ASSESSMENT_PERIOD_NOT_FOUND', { periodId: id });
  if (version !== undefined && Number(row.version) !== version) throw new DomainError('VERSION_CONFLICT', { periodId: id, expected: version, actual: Number(row.version) });
  return toPeriod(row);
}

/** Publication freezes a period: nothing that feeds its score may change until the office reopens it. */
export function assertNotFrozen(period: AssessmentPeriod) {
  if (period.state === 'published') throw new DomainError('ASSESSMENT_PUBLISHED', { periodId: period.id, publishedNumber: period.publishedNumber });
}

/**
 * Moves a period on by one version, guarded by the version it was read at: of two concurrent writers
 * (two publishes, say) the second finds no row to update and gets a 409 rather than a duplicate.
 */
export async function advancePeriod(tx: Executor, period: AssessmentPeriod, set: Updateable<AssessmentPeriodTable>, at: string) {
  await writeVersioned(
    tx
      .updateTable('assessment_period')
      .set({ ...set, version: period.version + 1, updated_at: at })
      .where('id', '=', period.id)
      .where('version', '=', period.version),
    { periodId: period.id },
  );
}

/** Something feeding the score changed: the computed results no longer stand until recomputed. */
export async function markStale(tx: Executor, period: AssessmentPeriod, at: string) {
  await advancePeriod(tx, period, { state: 'draft' }, at);
}

export async function listItems(db: Executor, periodId: string): Promise<AssessmentItem[]> {
  const rows = await db.selectFrom('assessment_item').selectAll().where('period_id', '=', periodId).orderBy('sort_order').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, rule: r.rule as AssessmentRule, title: r.title, maxPoints: Number(r.max_points), params: readJson<RuleParams>(r.params, {}), sortOrder: Number(r.sort_order) }));
}

/** Full marks of a scheme: bonus/penalty moves a score around it, not into it. */
export const maxScoreOf = (items: { rule: string; maxPoints: number }[]) => Math.round(items.filter((i) => i.rule !== 'bonus_penalty').reduce((s, i) => s + i.maxPoints * 10, 0)) / 10;

export interface PeriodFilter {
  state?: PeriodState | undefined;
  kind?: PeriodKind | undefined;
  year?: number | undefined;
}

export async function listPeriods(ctx: ServiceContext, planId: string, f: PeriodFilter, page: { page: number; pageSize: number }): Promise<Page<AssessmentPeriod>> {
  await requirePlan(ctx.db, planId);
  let q = ctx.db.selectFrom('assessment_period').where('plan_id', '=', planId);
  if (f.state) q = q.where('state', '=', f.state);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.year) q = q.where('period_start', '>=', `${f.year}-01-01`).where('period_start', '<=', `${f.year}-12-31`);
  const [{ n }, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    q.selectAll().orderBy('period_start', 'desc').orderBy('period_end', 'desc').orderBy('id').limit(page.pageSize).offset((page.page - 1) * page.pageSize).execute(),
  ]);
  return { items: rows.map(toPeriod), total: Number(n), page: page.page, pageSize: page.pageSize };
}

export interface CreatePeriodInput {
  kind: PeriodKind;
  year: number;
  quarter?: number | undefined;
  includeChongqing: boolean;
  label?: string | undefined;
}

/** A new period starts from the default scheme, which the office then adjusts. */
export async function createPeriod(ctx: ServiceContext, actor: Actor, planId: string, input: CreatePeriodInput): Promise<AssessmentPeriod> {
  const p = assessmentPeriod(input.kind, input.year, input.quarter);
  return inTransaction(ctx, actor, async (tx, audit) => {
    await requirePlan(tx, planId);
    const id = randomUUID();
    const at = nowIso(ctx);
    await tx
      .insertInto('assessment_period')
      .values({ id, plan_id: planId, label: input.label ?? p.label, kind: input.kind, period_start: p.periodStart, period_end: p.periodEnd, include_chongqing: toFlag(input.includeChongqing), created_by: actor.userId ?? 'system', created_at: at, updated_at: at })
      .execute();
    await tx
      .insertInto('assessment_item')
      .values(DEFAULT_SCHEME.map((d, i) => ({ id: randomUUID(), period_id: id, rule: d.rule, title: d.title, max_points: d.maxPoints, params: writeJson(d.params), sort_order: i + 1, created_at: at, updated_at: at })))
      .execute();
    await audit('assessment.period_create', 'assessment_period', id, null, { ...input, periodStart: p.periodStart, periodEnd: p.periodEnd });
    return requirePeriod(tx, id);
  });
}

export async function updatePeriod(ctx: ServiceContext, actor: Actor, id: string, input: { version: number; label?: string | undefined; includeChongqing?: boolean | undefined }): Promise<AssessmentPeriod> {
  return inTransaction(ctx, actor, async (tx, audit) => {
    const before = await requirePeriod(tx, id, input.version);
    assertNotFrozen(before);
    const scopeChanged = input.includeChongqing !== undefined && input.includeChongqing !== before.includeChongqing;
    await advancePeriod(
      tx,
      before,
      {
        ...(input.label !== undefined && { label: input.label }),
        ...(input.includeChongqing !== undefined && { include_chongqing: toFlag(input.includeChongqing) }),
        // Who is ranked changed, so the tables must be recomputed before they can be published.
        ...(scopeChanged && { state: 'draft' }),
      },
      nowIso(ctx),
    );
    await audit('assessment.period_update', 'assessment_period', id, { label: before.label, includeChongqing: before.includeChongqing }, { label: input.label, includeChongqing: input.includeChongqing });
    return requirePeriod(tx, id);
  });
}

export interface ItemInput {
  rule: AssessmentRule;
  title: string;
  maxPoints: number;
  params: RuleParams;
}

/** The scheme is saved as a whole, guarded by the period's version: two editors cannot interleave items. */
export async function saveItems(ctx: ServiceContext, actor: Actor, id: string, input: { version: number; items: ItemInput[] }): Promise<AssessmentItem[]> {
  const problems = schemeProblems(input.items);
  if (problems.length) throw new DomainError('ASSESSMENT_SCHEME_INVALID', { problems });
  return inTransaction(ctx, actor, async (tx, audit) => {
    const period = await requirePeriod(tx, id, input.version);
    assertNotFrozen(period);
    const at = nowIso(ctx);
    // Claims the period's version first, so a concurrent save of the same version waits here and gets a 409
    // before touching any item row.
    await markStale(tx, period, at);
    const before = await listItems(tx, id);
    // Items keep their ids where the rule stays in place, so appeals naming an item still find it.
    const byRule = new Map(before.map((b) => [b.rule, b]));
    const rows = input.items.map((it, i) => {
      const keep = byRule.get(it.rule);
      if (keep) byRule.delete(it.rule);
      return { id: keep?.id ?? randomUUID(), period_id: id, rule: it.rule, title: it.title, max_points: it.maxPoints, params: writeJson(it.params), sort_order: i + 1, created_at: at, updated_at: at };
    });
    const dropped = [...byRule.values()].map((b) => b.id);
    if (dropped.length) {
      // An appeal against a dropped item stays on record, no longer tied to an item.
      await tx.updateTable('assessment_appeal').set({ item_id: null }).where('item_id', 'in', dropped).execute();
      await tx.deleteFrom('assessment_item').where('id', 'in', dropped).execute();
    }
    // Kept items are updated in place: appeals reference them.
    const kept = new Set(before.map((b) => b.id));
    for (const r of rows.filter((r) => kept.has(r.id))) {
      await tx.updateTable('assessment_item').set({ rule: r.rule, title: r.title, max_points: r.max_points, params: r.params, sort_order: r.sort_order, updated_at: at }).where('id', '=', r.id).execute();
    }
    const added = rows.filter((r) => !kept.has(r.id));
    if (added.length) await tx.insertInto('assessment_item').values(added).execute();
    await audit('assessment.items_save', 'assessment_period', id, before.map(({ id: _id, ...rest }) => rest), input.items);
    return listItems(tx, id);
  });
}

export async function getPeriodDetail(ctx: ServiceContext, id: string) {
  const period = await requirePeriod(ctx.db, id);
  const [items, pubs, open] = await Promise.all([
    listItems(ctx.db, id),
    ctx.db
      .selectFrom('assessment_publication as p')
      .leftJoin('app_user as u', 'u.id', 'p.published_by')
      .select(['p.number', 'p.reason', 'p.published_at', 'u.display_name'])
      .where('p.period_id', '=', id)
      .orderBy('p.number', 'desc')
      .execute(),
    ctx.db.selectFrom('assessment_appeal').select((eb) => eb.fn.countAll().as('n')).where('period_id', '=', id).where('state', '=', 'submitted').executeTakeFirstOrThrow(),
  ]);
  return {
    ...period,
    items,
    publications: pubs.map((p) => ({ number: Number(p.number), reason: p.reason, publishedAt: p.published_at, publishedBy: p.display_name ?? '' })),
    openAppeals: Number(open.n),
    needsCompute: period.state === 'draft',
  };
}
