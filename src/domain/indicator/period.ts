/** Periods of an indicator: 'YYYY' (year), 'YYYY-Qn' (quarter), 'YYYY-MM' (month). */
export const FREQUENCIES = ['year', 'quarter', 'month'] as const;
export type IndicatorFrequency = (typeof FREQUENCIES)[number];

const PATTERNS: Record<IndicatorFrequency, RegExp> = {
  year: /^(\d{4})$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
};
const PER_YEAR: Record<IndicatorFrequency, number> = { year: 1, quarter: 4, month: 12 };

export function frequencyOfPeriod(period: string): IndicatorFrequency | null {
  return FREQUENCIES.find((f) => PATTERNS[f].test(period)) ?? null;
}

export function isPeriodOf(period: string, frequency: IndicatorFrequency): boolean {
  return PATTERNS[frequency].test(period);
}

/**
 * A period as a position on one axis (counted in periods of its own frequency), so a trajectory can be
 * interpolated linearly between periods and the number of steps between two periods is a subtraction.
 */
export function periodOrdinal(period: string): number {
  const f = frequencyOfPeriod(period);
  if (!f) throw new Error(`Not a period: ${period}`);
  const m = PATTERNS[f].exec(period)!;
  const year = Number(m[1]);
  return f === 'year' ? year : year * PER_YEAR[f] + Number(m[2]) - 1;
}

export function periodFromOrdinal(ordinal: number, frequency: IndicatorFrequency): string {
  if (frequency === 'year') return String(ordinal);
  const year = Math.floor(ordinal / PER_YEAR[frequency]);
  const i = ordinal - year * PER_YEAR[frequency] + 1;
  return frequency === 'quarter' ? `${year}-Q${i}` : `${year}-${String(i).padStart(2, '0')}`;
}

export const comparePeriods = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Every period from `from` to `to` inclusive, in order. */
export function periodRange(from: string, to: string, frequency: IndicatorFrequency): string[] {
  const out: string[] = [];
  for (let o = periodOrdinal(from); o <= periodOrdinal(to); o++) out.push(periodFromOrdinal(o, frequency));
  return out;
}

/** The coarser period a finer one falls in: '2024-05' → '2024-Q2' (quarter) or '2024' (year). */
export function periodWithin(period: string, to: IndicatorFrequency): string {
  const f = frequencyOfPeriod(period);
  if (!f) throw new Error(`Not a period: ${period}`);
  const year = period.slice(0, 4);
  if (to === 'year') return year;
  if (to === 'quarter') {
    if (f === 'year') throw new Error(`A year cannot be placed in a quarter: ${period}`);
    if (f === 'quarter') return period;
    return `${year}-Q${Math.ceil(Number(period.slice(5, 7)) / 3)}`;
  }
  if (f !== 'month') throw new Error(`Only a month falls within a month: ${period}`);
  return period;
}

/** The finer periods a coarser one is made of: '2024-Q2' in months → ['2024-04', '2024-05', '2024-06']. */
export function periodsWithin(period: string, of: IndicatorFrequency): string[] {
  const f = frequencyOfPeriod(period)!;
  if (PER_YEAR[of] < PER_YEAR[f]) throw new Error(`${period} is finer than ${of}`);
  if (f === of) return [period];
  const year = Number(period.slice(0, 4));
  const all = periodRange(periodFromOrdinal(year * PER_YEAR[of], of), periodFromOrdinal(year * PER_YEAR[of] + PER_YEAR[of] - 1, of), of);
  return all.filter((p) => periodWithin(p, f) === period);
}
