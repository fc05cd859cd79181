import { periodsWithin, periodWithin, type IndicatorFrequency } from './period';

export const AGGREGATIONS = ['sum', 'avg', 'last', 'share'] as const;
export type IndicatorAggregation = (typeof AGGREGATIONS)[number];

export interface AggregatedValue {
  period: string;
  value: number | null;
  /** Sub-periods without a value. Sums and averages over part of a period would mislead, so they stay null. */
  missing: string[];
}

/**
 * Rolls finer observations up to a coarser frequency (months → quarters → years). A share cannot be
 * rolled up from shares (it needs its numerator and denominator), so it yields null with a reason.
 * 'last' takes the last sub-period, which must itself be present (a year-end stock, not the latest month seen).
 */
export function aggregateByPeriod(
  observations: readonly { period: string; value: number | null }[],
  to: IndicatorFrequency,
  aggregation: IndicatorAggregation,
  from: IndicatorFrequency,
): AggregatedValue[] {
  const groups = new Map<string, Map<string, number | null>>();
  for (const o of observations) {
    const key = periodWithin(o.period, to);
    if (!groups.has(key)) groups.set(key, new Map());
    groups.get(key)!.set(o.period, o.value);
  }
  return [...groups.keys()].sort().map((period) => {
    const parts = periodsWithin(period, from);
    const got = groups.get(period)!;
    const missing = parts.filter((p) => got.get(p) === undefined || got.get(p) === null);
    if (aggregation === 'share') return { period, value: null, missing };
    if (aggregation === 'last') {
      const last = got.get(parts[parts.length - 1]!);
      return { period, value: last ?? null, missing: last === undefined || last === null ? [parts[parts.length - 1]!] : [] };
    }
    if (missing.length) return { period, value: null, missing };
    const values = parts.map((p) => got.get(p)!);
    const sum = values.reduce((a, v) => a + v, 0);
    return { period, value: aggregation === 'sum' ? sum : sum / values.length, missing };
  });
}
