import { periodFromOrdinal, periodOrdinal, type IndicatorFrequency } from './period';

export interface PeriodValue {
  period: string;
  value: number;
}

export interface IndicatorTrajectoryPoint extends PeriodValue {
  /** 'base' is the observation the trajectory starts from, 'target' a set target; others are interpolated. */
  kind: 'base' | 'target' | 'interpolated';
}

/**
 * The planned path from a base observation through each later target, straight between consecutive
 * anchors, one point per period. Targets at or before the base are history, not plan, and are ignored.
 */
export function buildTrajectory(base: PeriodValue | null, targets: readonly PeriodValue[], frequency: IndicatorFrequency): IndicatorTrajectoryPoint[] {
  if (!base) return [];
  const start = periodOrdinal(base.period);
  const anchors = [...targets]
    .map((t) => ({ o: periodOrdinal(t.period), value: t.value }))
    .filter((t) => t.o > start)
    .sort((a, b) => a.o - b.o);
  if (!anchors.length) return [];
  const points: IndicatorTrajectoryPoint[] = [{ period: base.period, value: base.value, kind: 'base' }];
  let from = { o: start, value: base.value };
  for (const to of anchors) {
    if (to.o === from.o) continue;
    for (let o = from.o + 1; o <= to.o; o++) {
      const value = from.value + ((to.value - from.value) * (o - from.o)) / (to.o - from.o);
      points.push({ period: periodFromOrdinal(o, frequency), value: o === to.o ? to.value : value, kind: o === to.o ? 'target' : 'interpolated' });
    }
    from = to;
  }
  return points;
}

export function trajectoryAt(points: readonly IndicatorTrajectoryPoint[], period: string): number | null {
  return points.find((p) => p.period === period)?.value ?? null;
}

/**
 * The base of a trajectory: the latest observation with a value before the first future target (the
 * starting point the targets were set against).
 */
export function chooseBase(observations: readonly { period: string; value: number | null }[], targets: readonly PeriodValue[]): PeriodValue | null {
  if (!targets.length) return null;
  const firstTarget = targets.reduce((a, t) => (t.period < a ? t.period : a), targets[0]!.period);
  const before = observations.filter((o): o is PeriodValue => o.value !== null && o.period < firstTarget).sort((a, b) => (a.period < b.period ? 1 : -1));
  return before[0] ?? null;
}
