import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateByPeriod } from './aggregate';
import { evaluateDerivation, regionalSum, shareOf, type IndicatorDerivation, type ValueLookup } from './derive';
import { periodFromOrdinal, periodOrdinal, periodRange, periodsWithin, periodWithin } from './period';
import { assessIndicatorStatus } from './status';
import { buildTrajectory, chooseBase, trajectoryAt } from './trajectory';

// The seed's figures (gdp.json): Chengdu, Sichuan and Chongqing in 2019, 亿元.
const GDP: Record<string, Record<string, number | null>> = {
  '510100': { '2019': 17012.65, '2024': 23511.3 },
  '510000': { '2019': 46615.8, '2024': null },
  '500000': { '2019': 23605.77, '2024': 32193.15 },
};
const lookup: ValueLookup = (ind, div, period) => (ind === 'gdp' ? (GDP[div]?.[period] ?? null) : null);
const regions = new Map([['sc_cq', ['510000', '500000']]]);

describe('periods', () => {
  it('orders years, quarters and months on one axis and back', () => {
    expect(periodOrdinal('2025-Q1') - periodOrdinal('2024-Q4')).toBe(1);
    expect(periodOrdinal('2025-01') - periodOrdinal('2024-12')).toBe(1);
    expect(periodFromOrdinal(periodOrdinal('2024-Q3'), 'quarter')).toBe('2024-Q3');
    expect(periodRange('2024-11', '2025-02', 'month')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(periodWithin('2024-05', 'quarter')).toBe('2024-Q2');
    expect(periodsWithin('2024-Q2', 'month')).toEqual(['2024-04', '2024-05', '2024-06']);
  });
});

describe('trajectory', () => {
  it('runs straight from the base to each target in turn', () => {
    const t = buildTrajectory({ period: '2020', value: 100 }, [{ period: '2025', value: 150 }, { period: '2023', value: 130 }], 'year');
    expect(t.map((p) => [p.period, Math.round(p.value * 100) / 100, p.kind])).toEqual([
      ['2020', 100, 'base'],
      ['2021', 110, 'interpolated'],
      ['2022', 120, 'interpolated'],
      ['2023', 130, 'target'],
      ['2024', 140, 'interpolated'],
      ['2025', 150, 'target'],
    ]);
    expect(trajectoryAt(t, '2022')).toBeCloseTo(120);
    expect(trajectoryAt(t, '2030')).toBeNull();
  });
  it('has no path without a base or without a future target', () => {
    expect(buildTrajectory(null, [{ period: '2025', value: 1 }], 'year')).toEqual([]);
    expect(buildTrajectory({ period: '2025', value: 1 }, [{ period: '2024', value: 2 }], 'year')).toEqual([]);
  });
  it('takes as base the latest value before the first target, skipping missing ones', () => {
    const obs = [{ period: '2019', value: 10 }, { period: '2020', value: null }, { period: '2022', value: 30 }];
    expect(chooseBase(obs, [{ period: '2021', value: 25 }])).toEqual({ period: '2019', value: 10 });
    expect(chooseBase(obs, [])).toBeNull();
  });
  it('passes through every target and stays between neighbouring anchors (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2030 }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 6, maxLength: 6 }),
        (baseYear, baseValue, offsets, values) => {
          const targets = offsets.map((o, i) => ({ period: String(baseYear + o), value: values[i]! }));
          const t = buildTrajectory({ period: String(baseYear), value: baseValue }, targets, 'year');
          for (const target of targets) expect(trajectoryAt(t, target.period)).toBe(target.value);
          expect(t.length).toBe(Math.max(...offsets) + 1);
          const anchors = [{ o: 0, v: baseValue }, ...offsets.map((o, i) => ({ o, v: values[i]! }))].sort((a, b) => a.o - b.o);
          for (const p of t) {
            const o = Number(p.period) - baseYear;
            const hi = anchors.find((a) => a.o >= o)!;
            const lo = [...anchors].reverse().find((a) => a.o <= o)!;
            const tol = 1e-6 * (1 + Math.abs(lo.v) + Math.abs(hi.v));
            expect(p.value).toBeGreaterThanOrEqual(Math.min(lo.v, hi.v) - tol);
            expect(p.value).toBeLessThanOrEqual(Math.max(lo.v, hi.v) + tol);
          }
        },
      ),
    );
  });
  it('interpolates by quarter and by month', () => {
    const t = buildTrajectory({ period: '2024-Q4', value: 0 }, [{ period: '2025-Q4', value: 100 }], 'quarter');
    expect(t.map((p) => p.period)).toEqual(['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(trajectoryAt(t, '2025-Q2')).toBe(50);
  });
});

describe('status against the trajectory', () => {
  it('is on track up to the tolerance, behind up to the far-behind threshold, then far behind', () => {
    expect(assessIndicatorStatus(100, 100, 'higher_is_better').status).toBe('on_track');
    expect(assessIndicatorStatus(99, 100, 'higher_is_better').status).toBe('on_track'); // exactly 1 % short
    expect(assessIndicatorStatus(98.9, 100, 'higher_is_better').status).toBe('behind');
    expect(assessIndicatorStatus(95, 100, 'higher_is_better').status).toBe('behind'); // exactly 5 % short
    expect(assessIndicatorStatus(94.9, 100, 'higher_is_better').status).toBe('far_behind');
    expect(assessIndicatorStatus(120, 100, 'higher_is_better')).toMatchObject({ status: 'on_track' });
    expect(assessIndicatorStatus(120, 100, 'higher_is_better').shortfall).toBeCloseTo(-0.2);
  });
  it('turns round for an indicator where less is better', () => {
    expect(assessIndicatorStatus(80, 100, 'lower_is_better').status).toBe('on_track');
    expect(assessIndicatorStatus(101, 100, 'lower_is_better').status).toBe('on_track');
    expect(assessIndicatorStatus(103, 100, 'lower_is_better').status).toBe('behind');
    expect(assessIndicatorStatus(106, 100, 'lower_is_better').status).toBe('far_behind');
  });
  it('says so when there is no value or no trajectory, and copes with a zero target', () => {
    expect(assessIndicatorStatus(null, 100, 'higher_is_better').status).toBe('no_data');
    expect(assessIndicatorStatus(100, null, 'higher_is_better').status).toBe('no_trajectory');
    expect(assessIndicatorStatus(0, 0, 'higher_is_better').status).toBe('on_track');
    expect(assessIndicatorStatus(-1, 0, 'higher_is_better')).toEqual({ status: 'far_behind', shortfall: null });
    expect(assessIndicatorStatus(-1, 0, 'lower_is_better').status).toBe('on_track');
  });
  it('uses thresholds the caller gives', () => {
    expect(assessIndicatorStatus(97, 100, 'higher_is_better', { tolerance: 0.05, farBehind: 0.1 }).status).toBe('on_track');
  });
});

describe('derived indicators', () => {
  const chengduOfSichuan: IndicatorDerivation = { kind: 'share', division: '510100', numerator: { indicator: 'gdp', members: ['510100'] }, denominator: { indicator: 'gdp', members: ['510000'] }, scale: 100 };
  const chengduOfBoth: IndicatorDerivation = { kind: 'share', division: '510100', numerator: { indicator: 'gdp', members: ['510100'] }, denominator: { indicator: 'gdp', region: 'sc_cq' }, scale: 100 };

  it("reproduces the seed: Chengdu's 2019 GDP is 36.5 % of Sichuan's and 24.2 % of Sichuan's plus Chongqing's", () => {
    const a = evaluateDerivation(chengduOfSichuan, '2019', lookup, regions);
    const b = evaluateDerivation(chengduOfBoth, '2019', lookup, regions);
    expect(a.value!.toFixed(1)).toBe('36.5');
    expect(b.value!.toFixed(1)).toBe('24.2');
    expect(a.missing).toEqual([]);
  });
  it('names the missing input instead of computing a share from part of it', () => {
    const r = evaluateDerivation(chengduOfBoth, '2024', lookup, regions);
    expect(r).toEqual({ value: null, missing: [{ indicator: 'gdp', division: '510000' }] });
  });
  it('a regional sum reports which members are missing and sums nothing partial', () => {
    const r = regionalSum('gdp', ['510000', '500000', '510100'], '2024', lookup);
    expect(r.value).toBeNull();
    expect(r.missing.map((m) => m.division)).toEqual(['510000']);
    expect(r.present).toEqual(['500000', '510100']);
    expect(regionalSum('gdp', ['510000', '500000'], '2019', lookup).value).toBeCloseTo(70221.57);
    expect(regionalSum('gdp', [], '2019', lookup).value).toBeNull();
    const sum = evaluateDerivation({ kind: 'sum', division: 'region:sc_cq', operand: { indicator: 'gdp', region: 'sc_cq' } }, '2019', lookup, regions);
    expect(sum.value).toBeCloseTo(70221.57);
  });
  it('a share of zero or of nothing is null', () => {
    expect(shareOf(1, 0)).toBeNull();
    expect(shareOf(null, 2)).toBeNull();
    expect(shareOf(1, 4, 1)).toBe(0.25);
  });
});

describe('aggregation by period', () => {
  const months = Array.from({ length: 12 }, (_, i) => ({ period: `2024-${String(i + 1).padStart(2, '0')}`, value: i + 1 }));
  it('sums, averages or takes the last month of a complete period', () => {
    expect(aggregateByPeriod(months, 'year', 'sum', 'month')).toEqual([{ period: '2024', value: 78, missing: [] }]);
    expect(aggregateByPeriod(months, 'quarter', 'avg', 'month')[1]).toEqual({ period: '2024-Q2', value: 5, missing: [] });
    expect(aggregateByPeriod(months, 'quarter', 'last', 'month')[3]).toEqual({ period: '2024-Q4', value: 12, missing: [] });
  });
  it('leaves an incomplete period null and names the missing sub-periods', () => {
    const gaps = months.filter((m) => m.period !== '2024-05').map((m) => (m.period === '2024-12' ? { ...m, value: null } : m));
    const [year] = aggregateByPeriod(gaps, 'year', 'sum', 'month');
    expect(year).toEqual({ period: '2024', value: null, missing: ['2024-05', '2024-12'] });
    expect(aggregateByPeriod(gaps, 'year', 'last', 'month')[0]).toEqual({ period: '2024', value: null, missing: ['2024-12'] });
    expect(aggregateByPeriod(months, 'year', 'share', 'month')[0]!.value).toBeNull();
  });
});
