import { describe, expect, it } from 'vitest';
import { DIAMOND, link, target } from './__fixtures__/networks';
import { evaluateTarget, firstYearMet, targetPairs } from './targets';
import { computeTravelTimes } from './travel-times';

describe('targetPairs', () => {
  it('cross: every from with every to, each unordered pair once, no self-pairs', () =>
    expect(targetPairs(target({ from: ['A', 'B'], to: ['B', 'A', 'C'] }))).toEqual([['A', 'B'], ['A', 'C'], ['B', 'C']]));
  it('within: every pair of the members', () =>
    expect(targetPairs(target({ pairs: 'within', from: ['A'], to: ['B', 'C'] }))).toEqual([['A', 'B'], ['A', 'C'], ['B', 'C']]));
});

describe('evaluateTarget', () => {
  // A→B 30, A→C 50, A→D 55; E is not connected.
  const m = computeTravelTimes(['A', 'B', 'C', 'D', 'E'], DIAMOND);
  const t = target({
    from: ['A'], to: ['B', 'C', 'D', 'E'],
    thresholds: [{ minutes: 50, source: 'transport plan' }, { minutes: 60, source: 'rail plan' }],
  });
  const r = evaluateTarget(t, m, '2025-06-30', 2);
  const to = (ps: { to: string }[]) => ps.map((p) => p.to);

  it('reads each threshold on its own, ≤ counting as met', () => {
    expect(r.readings.map((x) => [x.thresholdMinutes, to(x.met), to(x.notMet), x.share])).toEqual([
      [50, ['B', 'C'], ['D', 'E'], 0.5],
      [60, ['B', 'C', 'D'], ['E'], 0.75],
    ]);
  });

  it('lists the worst pairs, unconnected first', () => expect(r.worst.map((p) => [p.to, p.minutes])).toEqual([['E', Infinity], ['D', 55]]));

  it('a pair counts at its slower direction', () => {
    const ow = computeTravelTimes(['A', 'B'], [link('ab', 'A', 'B', 10, 'L', { oneWay: true }), link('ba', 'B', 'A', 70, 'M', { oneWay: true })]);
    expect(evaluateTarget(target({ from: ['A'], to: ['B'] }), ow, '2025-01-01').pairs[0]!.minutes).toBe(70);
  });
});

describe('firstYearMet', () => {
  const links = [
    link('slow', 'A', 'C', 90, 'old', { openFrom: '2009-09-27' }),
    link('upgrade', 'A', 'C', 60, 'old', { openFrom: '2020-12-31' }),
    link('new', 'A', 'C', 50, 'new', { status: 'under_construction', plannedOpening: '2027-11' }),
  ];
  const t = target({ thresholds: [{ minutes: 60, source: 'x' }, { minutes: 55, source: 'y' }, { minutes: 30, source: 'z' }] });
  const [pair] = firstYearMet(t, links, [2027, 2019, 2020, 2026, 2008]);

  it('finds the first year-end each reading is met, projecting planned openings', () =>
    expect(pair!.firstYear.map((f) => f.year)).toEqual([2020, 2027, null]));

  it('gives the minutes year by year', () =>
    expect(pair!.minutesByYear).toEqual([
      { year: 2008, minutes: Infinity }, { year: 2019, minutes: 90 }, { year: 2020, minutes: 60 }, { year: 2026, minutes: 60 }, { year: 2027, minutes: 50 },
    ]));
});
