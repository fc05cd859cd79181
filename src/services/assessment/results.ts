import { DomainError } from '../../domain';
import { GROUP_LABELS, UNIT_GROUPS, type BreakdownLine, type LeagueTable, type UnitGroup } from '../../domain/assessment';
import { readJson } from '../../db/json';
import type { Executor } from '../../db/schema';
import type { Actor, ServiceContext } from '../context';
import { assertUnitReach, readsAll } from './access';
import { listAppeals } from './appeals';
import { listItems, maxScoreOf, requirePeriod, type AssessmentPeriod } from './periods';
import type { ResultsSnapshot } from './snapshot';

/** The current results as league tables, in rank order; ties in the unit register's order as computed. */
export async function currentTables(db: Executor, periodId: string): Promise<LeagueTable[]> {
  const rows = await db
    .selectFrom('assessment_result as r')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .select(['r.unit_id', 'u.name', 'r.group_key', 'r.score', 'r.rank', 'r.breakdown', 'u.sort_order'])
    .where('r.period_id', '=', periodId)
    .orderBy('r.rank')
    .orderBy('u.sort_order')
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
  return UNIT_GROUPS.map((group) => ({
    group,
    rows: rows
      .filter((r) => r.group_key === group)
      .map((r) => ({ unitId: r.unit_id, unitName: r.name, group, score: Number(r.score), rank: Number(r.rank), lines: readJson<BreakdownLine[]>(r.breakdown, []) })),
  })).filter((t) => t.rows.length > 0);
}

export async function latestSnapshot(db: Executor, period: AssessmentPeriod): Promise<ResultsSnapshot | null> {
  if (period.publishedNumber === 0) return null;
  const row = await db.selectFrom('assessment_publication').select('snapshot').where('period_id', '=', period.id).where('number', '=', period.publishedNumber).executeTakeFirst();
  return row ? readJson<ResultsSnapshot>(row.snapshot, null as never) : null;
}

/**
 * League tables. The office and leaders see the current computation; unit staff see the published
 * tables only — a ranking is theirs to read once the office has stood behind it.
 */
export async function getLeagueTables(ctx: ServiceContext, actor: Actor, periodId: string, group?: UnitGroup) {
  const period = await requirePeriod(ctx.db, periodId);
  let tables: LeagueTable[];
  let maxScore: number;
  let computedAt = period.computedAt;
  if (readsAll(actor)) {
    tables = await currentTables(ctx.db, periodId);
    maxScore = maxScoreOf(await listItems(ctx.db, periodId));
  } else {
    const snap = await latestSnapshot(ctx.db, period);
    if (!snap) throw new DomainError('ASSESSMENT_NOT_PUBLISHED', { periodId });
    tables = snap.tables;
    maxScore = maxScoreOf(snap.items);
    computedAt = snap.computedAt;
  }
  if (group) tables = tables.filter((t) => t.group === group);
  return {
    periodId,
    periodLabel: period.label,
    state: period.state,
    computedAt,
    maxScore,
    groups: tables.map((t) => ({ group: t.group, groupLabel: GROUP_LABELS[t.group], rows: t.rows.map((r) => ({ rank: r.rank, unitId: r.unitId, unitName: r.unitName, score: r.score })) })),
    tables,
  };
}

/** One unit's score line by line, with its rank in its group and its appeals. */
export async function getUnitBreakdown(ctx: ServiceContext, actor: Actor, periodId: string, unitId: string) {
  // Existence first, so that a missing period reads as 404 to everyone, not as 403 to unit staff.
  const period = await requirePeriod(ctx.db, periodId);
  assertUnitReach(actor, unitId);
  const row = await ctx.db
    .selectFrom('assessment_result as r')
    .innerJoin('unit as u', 'u.id', 'r.unit_id')
    .select(['r.group_key', 'r.score', 'r.rank', 'r.breakdown', 'r.computed_at', 'u.name'])
    .where('r.period_id', '=', periodId)
    .where('r.unit_id', '=', unitId)
    .executeTakeFirst();
  if (!row) throw new DomainError(period.computedAt ? 'ASSESSMENT_UNIT_NOT_ASSESSED' : 'ASSESSMENT_NOT_COMPUTED', { periodId, unitId });
  const [size, items, appeals] = await Promise.all([
    ctx.db.selectFrom('assessment_result').select((eb) => eb.fn.countAll().as('n')).where('period_id', '=', periodId).where('group_key', '=', row.group_key).executeTakeFirstOrThrow(),
    listItems(ctx.db, periodId),
    listAppeals(ctx, actor, periodId, { unitId }, { page: 1, pageSize: 200 }),
  ]);
  const group = row.group_key as UnitGroup;
  return {
    period,
    unitId,
    unitName: row.name,
    group,
    groupLabel: GROUP_LABELS[group],
    rank: Number(row.rank),
    groupSize: Number(size.n),
    score: Number(row.score),
    maxScore: maxScoreOf(items),
    computedAt: row.computed_at,
    lines: readJson<BreakdownLine[]>(row.breakdown, []),
    appeals: appeals.items,
  };
}

/** A unit's scores across the plan's periods, newest first (two queries whatever the number of periods). */
export async function getUnitHistory(ctx: ServiceContext, actor: Actor, unitId: string, planId: string) {
  const unit = await ctx.db.selectFrom('unit').select(['id', 'name']).where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw new DomainError('UNIT_NOT_FOUND', { unitId });
  assertUnitReach(actor, unitId);
  const rows = await ctx.db
    .selectFrom('assessment_result as r')
    .innerJoin('assessment_period as p', 'p.id', 'r.period_id')
    .select(['p.id', 'p.label', 'p.period_start', 'p.period_end', 'p.state', 'p.published_number', 'r.group_key', 'r.score', 'r.rank'])
    .where('r.unit_id', '=', unitId)
    .where('p.plan_id', '=', planId)
    .orderBy('p.period_start', 'desc')
    .orderBy('p.period_end', 'desc')
    .execute();
  const ids = rows.map((r) => r.id);
  const [sizes, items] = ids.length
    ? await Promise.all([
        ctx.db.selectFrom('assessment_result').select(['period_id', 'group_key', (eb) => eb.fn.countAll().as('n')]).where('period_id', 'in', ids).groupBy(['period_id', 'group_key']).execute(),
        ctx.db.selectFrom('assessment_item').select(['period_id', 'rule', 'max_points']).where('period_id', 'in', ids).execute(),
      ])
    : [[], []];
  return {
    unitId,
    unitName: unit.name,
    periods: rows.map((r) => ({
      periodId: r.id,
      label: r.label,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      state: r.state as AssessmentPeriod['state'],
      publishedNumber: Number(r.published_number),
      group: r.group_key as UnitGroup,
      score: Number(r.score),
      maxScore: maxScoreOf(items.filter((i) => i.period_id === r.id).map((i) => ({ rule: i.rule, maxPoints: Number(i.max_points) }))),
      rank: Number(r.rank),
      groupSize: Number(sizes.find((s) => s.period_id === r.id && s.group_key === r.group_key)?.n ?? 0),
    })),
  };
}
