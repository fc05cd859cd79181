import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { DIAMOND, link } from './__fixtures__/networks';
import { applyScenario, compareScenarios, createScenario } from './scenario';
import { computeTravelTimes } from './travel-times';

const NODES = ['A', 'B', 'C', 'D'];

describe('applyScenario', () => {
  it('an unedited copy is the base', () => expect(applyScenario(createScenario(DIAMOND))).toEqual(DIAMOND));

  it('removes, retimes and adds', () => {
    const s = createScenario(DIAMOND);
    s.overrides = { remove: ['ad'], retime: { bd: 5 }, add: [link('ac', 'A', 'C', 40, 'L4')] };
    const out = applyScenario(s);
    expect(out.map((l) => [l.id, l.minutes])).toEqual([['ab', 30], ['bc', 20], ['bd', 5], ['ac', 40]]);
    expect(out[2]!.minutesNote).toBe('scenario: retimed from 15 to 5 min');
  });

  it('does not change the base', () => {
    const s = createScenario(DIAMOND);
    s.overrides.retime.ab = 1;
    applyScenario(s);
    expect(s.base[0]!.minutes).toBe(30);
  });

  it.each([
    ['removing an unknown link', { remove: ['zz'], retime: {}, add: [] }, 'scenario_link_unknown'],
    ['retiming an unknown link', { remove: [], retime: { zz: 1 }, add: [] }, 'scenario_link_unknown'],
    ['a negative time', { remove: [], retime: { ab: -1 }, add: [] }, 'link_minutes_invalid'],
    ['adding a taken id', { remove: [], retime: {}, add: [link('ab', 'A', 'B', 1, 'L')] }, 'scenario_link_exists'],
  ])('%s → VALIDATION_FAILED', (_n, overrides, reason) => {
    const s = { base: DIAMOND, overrides };
    expect(() => applyScenario(s)).toThrow(DomainError);
    try { applyScenario(s); } catch (e) { expect((e as DomainError).details.reason).toBe(reason); }
  });
});

describe('compareScenarios', () => {
  it('lists each changed pair once with its delta', () => {
    const base = computeTravelTimes(NODES, DIAMOND);
    const s = createScenario(DIAMOND);
    s.overrides.remove = ['bd'];
    const what = computeTravelTimes(NODES, applyScenario(s));
    // without B–D: A–D direct 60, B–D 30 + 60 + 10 = 100, C–D 20 + 30 + 60 + 10 = 120
    expect(compareScenarios(base, what)).toEqual([
      { from: 'A', to: 'D', a: 55, b: 60, delta: 5 },
      { from: 'B', to: 'D', a: 15, b: 100, delta: 85 },
      { from: 'C', to: 'D', a: 45, b: 120, delta: 75 },
    ]);
  });

  it('lists both directions when they change differently', () => {
    const a = computeTravelTimes(['A', 'B'], [link('ab', 'A', 'B', 10, 'L')]);
    const b = computeTravelTimes(['A', 'B'], [link('ab', 'A', 'B', 10, 'L', { oneWay: true })]);
    expect(compareScenarios(a, b)).toEqual([{ from: 'B', to: 'A', a: 10, b: Infinity, delta: Infinity }]);
  });

  it('same network, no differences', () => expect(compareScenarios(computeTravelTimes(NODES, DIAMOND), computeTravelTimes(NODES, DIAMOND))).toEqual([]));
});
