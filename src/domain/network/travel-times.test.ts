import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { DIAMOND, link, TWO_STATIONS } from './__fixtures__/networks';
import type { NetworkLink } from './network-types';
import { computeTravelTimes, route, travelTime, type TravelTimeMatrix } from './travel-times';

const NODES = ['A', 'B', 'C', 'D'];
const t = (m: TravelTimeMatrix, a: string, b: string) => travelTime(m, a, b);

describe('computeTravelTimes: hand-computed networks (penalty 10 unless stated)', () => {
  const m = computeTravelTimes(NODES, DIAMOND);

  it.each([
    ['A', 'B', 30],
    ['A', 'C', 50], // L1 straight through B: no penalty
    ['A', 'D', 55], // 30 + 10 + 15 beats the direct 60
    ['C', 'D', 45], // 20 + 10 + 15
    ['D', 'A', 55],
    ['A', 'A', 0],
  ])('%s → %s = %d', (a, b, minutes) => expect(t(m, a, b)).toBe(minutes));

  it('a larger penalty makes the direct link win', () => expect(t(computeTravelTimes(NODES, DIAMOND, { transferPenalty: 20 }), 'A', 'D')).toBe(60));

  it('penalty 0 is the plain shortest path', () => expect(t(computeTravelTimes(NODES, DIAMOND, { transferPenalty: 0 }), 'C', 'D')).toBe(35));

  it('a faster link takes over', () => {
    const faster = computeTravelTimes(NODES, [...DIAMOND, link('ac', 'A', 'C', 40, 'L4')]);
    expect(t(faster, 'A', 'C')).toBe(40);
  });

  it('without the closed link B is cut off from C', () => {
    const cut = computeTravelTimes(NODES, DIAMOND.filter((l) => l.id !== 'bc'));
    expect(t(cut, 'A', 'C')).toBe(Infinity);
    expect(route(cut, 'A', 'C')).toBeNull();
  });

  it('two lines on the same track: staying on one line avoids the penalty', () => {
    const ls = [link('ab1', 'A', 'B', 10, 'L1'), link('bc2', 'B', 'C', 10, 'L2'), link('bc1', 'B', 'C', 15, 'L1')];
    expect(t(computeTravelTimes(['A', 'B', 'C'], ls), 'A', 'C')).toBe(25);
  });

  it('a one-way link is travelled one way only', () => {
    const ow = computeTravelTimes(['A', 'B'], [link('ab', 'A', 'B', 10, 'L1', { oneWay: true })]);
    expect([t(ow, 'A', 'B'), t(ow, 'B', 'A')]).toEqual([10, Infinity]);
  });

  it('stations joined to their city by access links', () => {
    const s = computeTravelTimes(['X', 'S1', 'S2', 'Y', 'Z'], TWO_STATIONS);
    expect([t(s, 'X', 'Y'), t(s, 'Y', 'X'), t(s, 'Y', 'Z'), t(s, 'X', 'Z')]).toEqual([30, 30, 60, 20]);
  });

  it('fractional minutes (the heap path) give the same answers as whole ones (the bucket path), scaled', () => {
    const half = DIAMOND.map((l) => ({ ...l, minutes: l.minutes! * 1.5 }));
    const scaled = computeTravelTimes(NODES, half, { transferPenalty: 15 });
    for (const a of NODES) for (const b of NODES) expect(t(scaled, a, b)).toBeCloseTo(t(m, a, b) * 1.5, 9);
  });
});

describe('route', () => {
  it('gives the legs, the transfers and the same total as the matrix', () => {
    const m = computeTravelTimes(NODES, DIAMOND);
    expect(route(m, 'A', 'D')).toEqual({
      from: 'A', to: 'D', minutes: 55, inVehicleMinutes: 45, transfers: 1, transferMinutes: 10,
      legs: [
        { line: 'L1', mode: 'hsr', from: 'A', to: 'B', minutes: 30, linkIds: ['ab'], transferBefore: false },
        { line: 'L2', mode: 'hsr', from: 'B', to: 'D', minutes: 15, linkIds: ['bd'], transferBefore: true },
      ],
    });
  });

  it('merges consecutive links of one line into one leg, in travel direction', () => {
    const r = route(computeTravelTimes(NODES, DIAMOND), 'C', 'A')!;
    expect(r.legs).toEqual([{ line: 'L1', mode: 'hsr', from: 'C', to: 'A', minutes: 50, linkIds: ['bc', 'ab'], transferBefore: false }]);
  });

  it('shows access legs with no line', () => {
    const r = route(computeTravelTimes(['X', 'S1', 'S2', 'Y', 'Z'], TWO_STATIONS), 'Y', 'Z')!;
    expect(r.legs.map((l) => [l.line, l.from, l.to, l.transferBefore])).toEqual([
      ['L1', 'Y', 'S1', false], [null, 'S1', 'X', false], [null, 'X', 'S2', false], ['L2', 'S2', 'Z', true],
    ]);
    expect(r.transfers).toBe(1);
  });

  it('from a node to itself: no legs', () => expect(route(computeTravelTimes(NODES, DIAMOND), 'B', 'B')?.legs).toEqual([]));
});

describe('computeTravelTimes: errors', () => {
  const code = (f: () => unknown) => {
    try { f(); } catch (e) { return e instanceof DomainError ? [e.code, e.details.reason] : e; }
    return null;
  };
  it.each([
    ['a link to an unknown node', () => computeTravelTimes(['A'], [link('ab', 'A', 'B', 1, 'L')]), 'link_endpoint_unknown'],
    ['a link without minutes', () => computeTravelTimes(['A', 'B'], [link('ab', 'A', 'B', null, 'L')]), 'link_minutes_invalid'],
    ['negative minutes', () => computeTravelTimes(['A', 'B'], [link('ab', 'A', 'B', -1, 'L')]), 'link_minutes_invalid'],
    ['a duplicate node', () => computeTravelTimes(['A', 'A'], []), 'duplicate_node_id'],
    ['a negative penalty', () => computeTravelTimes(['A'], [], { transferPenalty: -1 }), 'transfer_penalty_invalid'],
  ])('%s → VALIDATION_FAILED', (_n, f, reason) => expect(code(f)).toEqual(['VALIDATION_FAILED', reason]));

  it('an unknown node in a query → NOT_FOUND', () => expect(code(() => travelTime(computeTravelTimes(['A'], []), 'A', 'Z'))).toEqual(['NOT_FOUND', 'network_node_unknown']));
});

// ——— properties over random small networks ———
const IDS = ['A', 'B', 'C', 'D', 'E', 'F'];
const arbLink = (whole: boolean) =>
  fc.record({
    from: fc.constantFrom(...IDS),
    to: fc.constantFrom(...IDS),
    minutes: whole ? fc.integer({ min: 0, max: 90 }) : fc.double({ min: 0, max: 90, noNaN: true }),
    line: fc.constantFrom<string | null>('L1', 'L2', 'L3', 'L4', null),
  });
const arbNetwork = (whole = true) =>
  fc.array(arbLink(whole), { maxLength: 14 }).map((ls) => ls.map((l, i) => link(`l${i}`, l.from, l.to, l.minutes, l.line)));
const arbPenalty = fc.constantFrom(0, 5, 10, 25);
const times = (ls: NetworkLink[], p: number) => computeTravelTimes(IDS, ls, { transferPenalty: p }).minutes;
const everyPair = (f: (i: number, j: number) => boolean) => IDS.every((_, i) => IDS.every((__, j) => f(i, j)));
const N = IDS.length;

describe('computeTravelTimes: properties', () => {
  it('with `sources`, their rows equal the full matrix rows and the others are NaN (whole and fractional minutes)', () =>
    fc.assert(
      fc.property(fc.boolean().chain((whole) => fc.tuple(fc.constant(whole), arbNetwork(whole))), fc.subarray(IDS, { minLength: 1 }), arbPenalty, ([, ls], sources, p) => {
        const full = times(ls, p);
        const some = computeTravelTimes(IDS, ls, { transferPenalty: p, sources }).minutes;
        return IDS.every((id, i) =>
          IDS.every((_, j) => (sources.includes(id) ? Object.is(some[i * N + j], full[i * N + j]) : Number.isNaN(some[i * N + j]))),
        );
      }),
    ));

  it('`sources` naming a node outside the network → NOT_FOUND', () => {
    expect(() => computeTravelTimes(NODES, DIAMOND, { sources: ['A', 'Z'] })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('is symmetric when every link is undirected', () =>
    fc.assert(fc.property(arbNetwork(), arbPenalty, (ls, p) => {
      const m = times(ls, p);
      return everyPair((i, j) => m[i * N + j] === m[j * N + i]);
    })));

  // The whole-minute pass (bucket queue, symmetric shortcut) against the heap pass on the same network
  // halved: halving is exact in binary floating point, so the two must agree to the bit.
  it('the bucket pass with its symmetric shortcut equals the heap pass, one-way links included', () =>
    fc.assert(fc.property(arbNetwork(), fc.array(fc.boolean(), { maxLength: 14 }), arbPenalty, (ls, oneWay, p) => {
      const net = ls.map((l, i) => ({ ...l, oneWay: oneWay[i] ?? false }));
      const whole = times(net, p);
      // halved minutes may all still be whole (4 → 2): a self-loop of half a minute forces the heap path
      const heap = times([...net.map((l) => ({ ...l, minutes: l.minutes! / 2 })), link('nudge', 'A', 'A', 0.5, 'Lx')], p / 2);
      return whole.every((x, k) => x === heap[k]! * 2);
    })));

  // A larger network than the arbitraries make, so the source order, the per-component stop and the
  // access/origin paths of the whole-minute pass all run: three components, stations on access links.
  it('on 150 nodes in three components with access links, the bucket pass equals the heap pass', () => {
    let seed = 11;
    const rand = (k: number) => Math.floor(((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32) * k);
    const ids = Array.from({ length: 150 }, (_, i) => `n${i}`);
    const ls: NetworkLink[] = [];
    for (let i = 0; i < 600; i++) {
      const c = rand(3) * 50; // links stay inside one block of 50 nodes
      const access = rand(8) === 0;
      ls.push(link(`l${i}`, ids[c + rand(50)]!, ids[c + rand(50)]!, rand(access ? 5 : 60), access ? null : `L${rand(20)}`));
    }
    const whole = computeTravelTimes(ids, ls).minutes;
    const heap = computeTravelTimes(ids, [...ls.map((l) => ({ ...l, minutes: l.minutes! / 2 })), link('nudge', 'n0', 'n0', 0.5, 'Lx')], { transferPenalty: 5 }).minutes;
    expect(whole.every((x, k) => x === heap[k]! * 2)).toBe(true);
    expect(whole[0 * 150 + 60]).toBe(Infinity);
  });

  it('adding a link never makes a pair slower', () =>
    fc.assert(fc.property(arbNetwork(), arbLink(true), arbPenalty, (ls, extra, p) => {
      const before = times(ls, p);
      const after = times([...ls, link('extra', extra.from, extra.to, extra.minutes, extra.line)], p);
      return before.every((x, k) => after[k]! <= x);
    })));

  it('a faster time on one link never makes a pair slower', () =>
    fc.assert(fc.property(arbNetwork(), fc.nat(), fc.integer({ min: 0, max: 90 }), arbPenalty, (ls, pick, cut, p) => {
      fc.pre(ls.length > 0);
      const k = pick % ls.length;
      const faster = ls.map((l, i) => (i === k ? { ...l, minutes: Math.max(0, l.minutes! - cut) } : l));
      const before = times(ls, p);
      const after = times(faster, p);
      return before.every((x, i) => after[i]! <= x);
    })));

  it('removing a link never makes a pair faster', () =>
    fc.assert(fc.property(arbNetwork(), fc.nat(), arbPenalty, (ls, pick, p) => {
      fc.pre(ls.length > 0);
      const before = times(ls, p);
      const after = times(ls.filter((_, i) => i !== pick % ls.length), p);
      return before.every((x, i) => after[i]! >= x);
    })));

  // Joining a route a→b to a route b→c boards a line again at b, which costs at most one penalty.
  // So t(a,c) ≤ t(a,b) + t(b,c) + penalty always holds, and without the penalty term only when p = 0
  // (A→C 50 and C→D 45 in DIAMOND, yet t(A,D) = 55 < 95; the counter-case is a line change at b).
  it('triangle inequality: t(a,c) ≤ t(a,b) + t(b,c) + penalty', () =>
    fc.assert(fc.property(arbNetwork(false), arbPenalty, (ls, p) => {
      const m = times(ls, p);
      const eps = 1e-9;
      return IDS.every((_, a) => everyPair((b, c) => m[a * N + c]! <= m[a * N + b]! + m[b * N + c]! + p + eps));
    })));

  it('with penalty 0 the plain triangle inequality holds', () =>
    fc.assert(fc.property(arbNetwork(), (ls) => {
      const m = times(ls, 0);
      return IDS.every((_, a) => everyPair((b, c) => m[a * N + c]! <= m[a * N + b]! + m[b * N + c]!));
    })));

  it('the penalty can break the plain inequality', () => {
    const m = computeTravelTimes(NODES, DIAMOND);
    // A→B 30 on L1, B→D 15 on L2: joined at B they need a transfer, so t(A,D) = 55 > 45.
    expect(t(m, 'A', 'D')).toBeGreaterThan(t(m, 'A', 'B') + t(m, 'B', 'D'));
  });

  it('every route adds up to its matrix entry', () =>
    fc.assert(fc.property(arbNetwork(false), arbPenalty, fc.constantFrom(...IDS), fc.constantFrom(...IDS), (ls, p, a, b) => {
      const m = computeTravelTimes(IDS, ls, { transferPenalty: p });
      const r = route(m, a, b);
      if (r === null) return t(m, a, b) === Infinity;
      const legs = r.legs.reduce((s, l) => s + l.minutes, 0);
      return Math.abs(r.minutes - t(m, a, b)) < 1e-9 && Math.abs(legs + r.transfers * p - r.minutes) < 1e-9;
    })));
});
