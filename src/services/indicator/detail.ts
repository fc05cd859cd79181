import { aggregateByPeriod, assessIndicatorStatus, buildTrajectory, type AggregatedValue, comparePeriods, periodWithin, chooseBase, trajectoryAt, type ExplainLang, type IndicatorDirection, type IndicatorFrequency, type IndicatorStatus, type IndicatorTrajectoryPoint } from '../../domain';
import type { Executor } from '../../db/schema';
import type { ServiceContext } from '../context';
import { requireIndicator, type Indicator } from './definitions';
import { divisionName, loadDivisionCatalogue, type DivisionCatalogue } from './regions';
import { loadSeries, type Observation } from './series';

export interface Target {
  id: string;
  divisionCode: string;
  divisionName: string;
  period: string;
  value: number;
  source: string | null;
  version: number;
}

export interface TrackStatus {
  status: IndicatorStatus;
  shortfall: number | null;
  latest: { period: string; value: number } | null;
  trajectoryValue: number | null;
  nextTarget: { period: string; value: number } | null;
}

export interface IndicatorDetail {
  indicator: Indicator;
  divisions: { code: string; name: string; values: number; missing: number; targets: number }[];
  /** The division the chart, trajectory and status are for. */
  division: string | null;
  observations: Observation[];
  targets: Target[];
  trajectory: IndicatorTrajectoryPoint[];
  status: TrackStatus;
  /** For a monthly or quarterly indicator, the selected division's years rolled up by its aggregation rule. */
  annual: AggregatedValue[];
}

export async function loadTargets(db: Executor, indicatorIds: string[], cat: DivisionCatalogue, lang: ExplainLang): Promise<Map<string, Target[]>> {
  const out = new Map<string, Target[]>();
  if (!indicatorIds.length) return out;
  const rows = await db.selectFrom('indicator_target').selectAll().where('indicator_id', 'in', indicatorIds).orderBy('division_code').orderBy('period').execute();
  for (const r of rows) {
    const list = out.get(r.indicator_id) ?? [];
    list.push({ id: r.id, divisionCode: r.division_code, divisionName: divisionName(cat, r.division_code, lang), period: r.period, value: Number(r.value), source: r.source, version: Number(r.version) });
    out.set(r.indicator_id, list);
  }
  return out;
}

/**
 * Where one division stands: its latest value against the trajectory from the base observation through
 * the targets. Without targets there is no trajectory, and the status says so rather than guessing one.
 */
export function trackDivision(observations: Observation[], targets: Target[], frequency: IndicatorFrequency, direction: IndicatorDirection, today: string) {
  const points = targets.map((t) => ({ period: t.period, value: t.value }));
  const base = chooseBase(observations, points);
  const trajectory = buildTrajectory(base, points, frequency);
  const withValue = observations.filter((o): o is Observation & { value: number } => o.value !== null);
  const latestObs = withValue[withValue.length - 1] ?? null;
  const latest = latestObs ? { period: latestObs.period, value: latestObs.value } : null;
  const last = trajectory[trajectory.length - 1];
  // Past the last target the target itself is the bar to meet.
  const trajectoryValue = latest ? (trajectoryAt(trajectory, latest.period) ?? (last && comparePeriods(latest.period, last.period) > 0 ? last.value : null)) : null;
  const current = periodWithin(today.slice(0, 7), frequency);
  const next = points.filter((t) => comparePeriods(t.period, current) >= 0).sort((a, b) => comparePeriods(a.period, b.period))[0] ?? null;
  let status: IndicatorStatus = 'no_trajectory';
  let shortfall: number | null = null;
  // A latest value before the trajectory starts (or no value at all) cannot be judged against it.
  if (trajectory.length && (!latest || trajectoryValue === null)) status = 'no_data';
  else if (trajectory.length && latest && trajectoryValue !== null) ({ status, shortfall } = assessIndicatorStatus(latest.value, trajectoryValue, direction));
  return { trajectory, status: { status, shortfall, latest, trajectoryValue, nextTarget: next } satisfies TrackStatus };
}

function defaultDivision(indicator: Indicator, observations: Observation[], targets: Target[]): string | null {
  if (indicator.derivation) return indicator.derivation.division;
  if (targets[0]) return targets[0].divisionCode;
  const counts = new Map<string, number>();
  for (const o of observations) if (o.value !== null) counts.set(o.divisionCode, (counts.get(o.divisionCode) ?? 0) + 1);
  if (counts.has('510000')) return '510000';
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? observations[0]?.divisionCode ?? null;
}

export async function getIndicatorDetail(ctx: ServiceContext, id: string, opts: { division?: string | undefined; today: string }, lang: ExplainLang): Promise<IndicatorDetail> {
  const indicator = await requireIndicator(ctx.db, id, lang);
  const cat = await loadDivisionCatalogue(ctx.db);
  const [{ observations }, targetsById] = await Promise.all([loadSeries(ctx.db, indicator, lang, cat), loadTargets(ctx.db, [id], cat, lang)]);
  const targets = targetsById.get(id) ?? [];
  const division = opts.division ?? defaultDivision(indicator, observations, targets);
  const codes = [...new Set([...observations.map((o) => o.divisionCode), ...targets.map((t) => t.divisionCode)])].sort();
  const divisions = codes.map((code) => ({
    code,
    name: divisionName(cat, code, lang),
    values: observations.filter((o) => o.divisionCode === code && o.value !== null).length,
    missing: observations.filter((o) => o.divisionCode === code && o.value === null).length,
    targets: targets.filter((t) => t.divisionCode === code).length,
  }));
  const track = trackDivision(
    observations.filter((o) => o.divisionCode === division),
    targets.filter((t) => t.divisionCode === division),
    indicator.frequency,
    indicator.direction,
    opts.today,
  );
  const own = observations.filter((o) => o.divisionCode === division);
  const annual = indicator.frequency === 'year' ? [] : aggregateByPeriod(own, 'year', indicator.aggregation, indicator.frequency);
  return { indicator, divisions, division, observations, targets, trajectory: track.trajectory, status: track.status, annual };
}
