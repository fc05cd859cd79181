import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { article, DECISION_SAMPLE, part, plan, PLAN_ROOT, task } from '../__fixtures__/plan-trees';
import { STATUS_ORDER } from '../status/status';
import { emptyCounts, rollup, rollupBy, type RollupNode, type RollupResult } from './rollup-progress';

const progressOf = (nodes: RollupNode[]) => new Map([...rollup(nodes)].map(([id, r]) => [id, r.progressPct]));
const total = (r: RollupResult) => STATUS_ORDER.reduce((s, k) => s + r.counts[k], 0);

describe('rollup on the sample decision', () => {
  const r = rollup(DECISION_SAMPLE);
  it.each([
    ['3.1.1', 80, 0], // a leaf: its own progress
    ['3.1', 60, 3], // (2×80 + 1×20) / 3
    ['3.2.1', 55, 4], // a key task over two works: (1×100 + 3×40) / 4
    ['3.2', 55, 1],
    ['3', 57.5, 2],
    ['4.1', 30, 1], // the cancelled 4.1.2 (90%) does not count
    ['4', 30, 1],
    [PLAN_ROOT, 43.75, 2],
  ])('%s → %d percent over weight %d', (id, pct, weightTotal) => {
    expect(r.get(id)!.progressPct).toBeCloseTo(pct, 10);
    expect(r.get(id)!.weightTotal).toBe(weightTotal);
  });

  it('counts leaf tasks by status, the cancelled one included', () => {
    expect(r.get(PLAN_ROOT)!.counts).toEqual({ red: 1, yellow: 1, green: 2, not_started: 0, completed: 1, cancelled: 1 });
    expect(r.get('3.2.1')!.counts).toEqual({ ...emptyCounts(), completed: 1, yellow: 1 });
    expect(r.get('3.1.2')!.counts).toEqual({ ...emptyCounts(), red: 1 });
  });
});

describe('rollup rules', () => {
  it.each<[string, RollupNode[], number]>([
    ['weight-0 children do not count', plan([article('1.1', [task('1.1.1', { progressPct: 50 }), task('1.1.2', { progressPct: 100, weight: 0 })])]), 50],
    ['all weights 0: plain mean', plan([article('1.1', [task('1.1.1', { progressPct: 20, weight: 0 }), task('1.1.2', { progressPct: 60, weight: 0 })])]), 40],
    ['never reported counts as 0', plan([article('1.1', [task('1.1.1', { progressPct: null }), task('1.1.2', { progressPct: 60 })])]), 30],
    ['status cancelled counts as cancelled', plan([article('1.1', [task('1.1.1', { progressPct: 10, status: 'cancelled' }), task('1.1.2', { progressPct: 60 })])]), 60],
    ['only cancelled children: nothing to measure', plan([article('1.1', [task('1.1.1', { progressPct: 80, cancelled: true })])]), 0],
    ['a cancelled article takes its tasks with it', plan([part('1', [
      article('1.1', [task('1.1.1', { progressPct: 90 })], { cancelled: true }),
      article('1.2', [task('1.2.1', { progressPct: 30 })]),
    ])]), 30],
    ['an article with every task cancelled is ignored above', plan([part('1', [
      article('1.1', [task('1.1.1', { progressPct: 90, cancelled: true })]),
      article('1.2', [task('1.2.1', { progressPct: 30 })]),
    ])]), 30],
  ])('%s', (_name, nodes, rootPct) => expect(rollup(nodes).get(PLAN_ROOT)!.progressPct).toBeCloseTo(rootPct, 10));

  it('creates missing parents in fixtures and rolls a subtree up on its own', () => {
    const nodes = plan([task('4.2.1', { progressPct: 40 }), task('4.2.2', { progressPct: 80 })]);
    expect(nodes.map((n) => n.id)).toEqual([PLAN_ROOT, '4', '4.2', '4.2.1', '4.2.2']);
    const subtree = nodes.filter((n) => n.id.startsWith('4.2'));
    expect(rollup(subtree).get('4.2')!.progressPct).toBe(60);
  });

  it('counts leaves under a cancelled subtree as cancelled', () => {
    const nodes = plan([article('1.1', [task('1.1.1', { status: 'green' }), task('1.1.2', { status: 'red' })], { cancelled: true })]);
    expect(rollup(nodes).get(PLAN_ROOT)!.counts).toEqual({ ...emptyCounts(), cancelled: 2 });
  });

  it('rejects a loop in parent links and a duplicate id', () => {
    const loop: RollupNode[] = [{ id: 'a', parentId: 'b', weight: 1 }, { id: 'b', parentId: 'a', weight: 1 }, { id: 'c', parentId: null, weight: 1 }];
    expect(() => rollup(loop)).toThrowError(DomainError);
    expect(() => rollup(loop)).toThrow('NODE_CYCLE');
    expect(() => rollup([{ id: 'a', parentId: null, weight: 1 }, { id: 'a', parentId: null, weight: 1 }])).toThrow('VALIDATION_FAILED');
  });

  it('handles a 100k-deep chain and a 100k-wide article without recursion', () => {
    const deep: RollupNode[] = Array.from({ length: 100_000 }, (_, i) => ({ id: `n${i}`, parentId: i === 0 ? null : `n${i - 1}`, weight: 1, progressPct: 42, status: 'green' }));
    expect(rollup(deep).get('n0')).toMatchObject({ progressPct: 42, counts: { ...emptyCounts(), green: 1 } });
    const wide: RollupNode[] = [{ id: 'root', parentId: null, weight: 1 }, ...Array.from({ length: 100_000 }, (_, i) => ({ id: `t${i}`, parentId: 'root', weight: 1, progressPct: i % 2 ? 100 : 0, status: 'green' as const }))];
    expect(rollup(wide).get('root')).toMatchObject({ progressPct: 50, counts: { ...emptyCounts(), green: 100_000 } });
  });
});

// Random trees: node 0 is the root, every later node hangs under an earlier one.
const arbTree = fc
  .array(
    fc.record({
      parent: fc.nat(),
      weight: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 }), fc.double({ min: 0.1, max: 10, noNaN: true })),
      cancelled: fc.integer({ min: 0, max: 9 }).map((x) => x < 2), // about one in five
      progressPct: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      status: fc.constantFrom(...STATUS_ORDER.filter((s) => s !== 'cancelled')),
    }),
    { minLength: 1, maxLength: 60 },
  )
  .map((raw): RollupNode[] =>
    raw.map((r, i) => ({ id: `n${i}`, parentId: i === 0 ? null : `n${r.parent % i}`, weight: r.weight, cancelled: r.cancelled, progressPct: r.progressPct, status: r.status })),
  );

function childrenOf(nodes: RollupNode[]): Map<string, RollupNode[]> {
  const m = new Map<string, RollupNode[]>();
  for (const n of nodes) if (n.parentId !== null) m.set(n.parentId, [...(m.get(n.parentId) ?? []), n]);
  return m;
}

function expectSameProgress(a: Map<string, number>, b: Map<string, number>, ids: Iterable<string> = a.keys()) {
  for (const id of ids) expect(b.get(id)!).toBeCloseTo(a.get(id)!, 9);
}

describe('rollup properties', () => {
  it("a parent's progress lies within its live children's range", () => {
    fc.assert(
      fc.property(arbTree, (nodes) => {
        const r = rollup(nodes);
        for (const [parentId, kids] of childrenOf(nodes)) {
          // a child counts when it has a live leaf at or below it
          const live = kids.filter((k) => !k.cancelled && total(r.get(k.id)!) > r.get(k.id)!.counts.cancelled);
          if (live.length === 0) continue;
          const ps = live.map((k) => r.get(k.id)!.progressPct);
          const p = r.get(parentId)!.progressPct;
          expect(p).toBeGreaterThanOrEqual(Math.min(...ps) - 1e-9);
          expect(p).toBeLessThanOrEqual(Math.max(...ps) + 1e-9);
        }
      }),
    );
  });

  it("scaling one node's children's weights by a constant changes nothing", () => {
    fc.assert(
      fc.property(arbTree, fc.nat(), fc.double({ min: 0.01, max: 1000, noNaN: true }), (nodes, pick, k) => {
        const parent = nodes[pick % nodes.length]!.id;
        const scaled = nodes.map((n) => (n.parentId === parent ? { ...n, weight: n.weight * k } : n));
        expectSameProgress(progressOf(nodes), progressOf(scaled));
      }),
    );
  });

  it('a cancelled node changes no progress outside its own subtree', () => {
    fc.assert(
      fc.property(arbTree, fc.nat(), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 9 }), (nodes, pick, pct, weight) => {
        if (nodes.length < 2) return;
        const x = nodes[1 + (pick % (nodes.length - 1))]!;
        const below = new Set([x.id]);
        for (const n of nodes) if (n.parentId !== null && below.has(n.parentId)) below.add(n.id); // parents precede children
        const outside = nodes.map((n) => n.id).filter((id) => !below.has(id));
        const cancelled = nodes.map((n) => (n.id === x.id ? { ...n, cancelled: true } : n));
        const before = progressOf(cancelled);

        // whatever the cancelled subtree carries, nothing outside it moves
        const reworked = cancelled.map((n) => (below.has(n.id) ? { ...n, progressPct: pct, weight } : n));
        expectSameProgress(before, progressOf(reworked), outside);

        // and it is as if it were not there, as long as its parent keeps another child (else the parent would become a leaf)
        if (nodes.some((n) => n.parentId === x.parentId && n.id !== x.id)) {
          expectSameProgress(progressOf(nodes.filter((n) => !below.has(n.id))), before, outside);
        }
      }),
    );
  });

  it('counts at the root add up to the number of leaves', () => {
    fc.assert(
      fc.property(arbTree, (nodes) => {
        const parents = new Set(nodes.map((n) => n.parentId));
        const leaves = nodes.filter((n) => !parents.has(n.id));
        const root = rollup(nodes).get('n0')!;
        expect(total(root)).toBe(leaves.length);
        expect(root.counts.cancelled).toBeGreaterThanOrEqual(leaves.filter((l) => l.cancelled).length);
      }),
    );
  });

  it('does not depend on input order', () => {
    fc.assert(
      fc.property(arbTree.chain((nodes) => fc.tuple(fc.constant(nodes), fc.shuffledSubarray(nodes, { minLength: nodes.length, maxLength: nodes.length }))), ([nodes, shuffled]) => {
        const a = rollup(nodes);
        const b = rollup(shuffled);
        expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
        for (const [id, ra] of a) {
          const rb = b.get(id)!;
          expect(rb.counts).toEqual(ra.counts);
          expect(rb.weightTotal).toBeCloseTo(ra.weightTotal, 9);
          expect(rb.progressPct).toBeCloseTo(ra.progressPct, 9);
        }
      }),
    );
  });
});

describe('rollupBy', () => {
  type Leaf = RollupNode & { units: string[] };
  const leaves: Leaf[] = [
    { id: '3.1.1', parentId: '3.1', weight: 2, progressPct: 80, status: 'green', units: ['省发展改革委', '成都市'] },
    { id: '3.1.2', parentId: '3.1', weight: 1, progressPct: 20, status: 'red', units: ['成都市'] },
    { id: '4.1.1', parentId: '4.1', weight: 0, progressPct: 50, status: 'yellow', units: ['重庆市发展改革委', '重庆市发展改革委'] },
    { id: '4.1.2', parentId: '4.1', weight: 1, progressPct: 90, status: 'green', cancelled: true, units: ['成都市'] },
  ];
  const r = rollupBy((l) => l.units, leaves);

  it.each([
    ['省发展改革委', 80, { green: 1 }],
    ['成都市', 60, { green: 1, red: 1, cancelled: 1 }], // (2×80 + 1×20) / 3; the cancelled 90% ignored
    ['重庆市发展改革委', 50, { yellow: 1 }], // only weight-0 leaves: plain mean; a repeated key counts once
  ])('%s → %d percent', (unit, pct, counts) => {
    expect(r.get(unit)!.progressPct).toBeCloseTo(pct, 10);
    expect(r.get(unit)!.counts).toEqual({ ...emptyCounts(), ...counts });
  });

  it('has no entry for a group without leaves', () => expect(r.has('省交通运输厅')).toBe(false));
});
