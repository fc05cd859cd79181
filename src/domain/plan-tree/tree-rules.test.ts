import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { assertDatesOrdered, assertPlacement, collectSubtree, numberTree, reorderSiblings, wouldCreateCycle, type TreeNode } from './tree-rules';

// part 1 → article 1.1 → task 1.1.1 → milestone 1.1.1.1; task 1.1.2; part 2 → article 2.1
const n = (id: string, parentId: string | null, kind: TreeNode['kind'], seq: number): TreeNode => ({ id, parentId, kind, seq });
const decision = [
  n('p1', null, 'part', 0),
  n('p2', null, 'part', 1),
  n('a11', 'p1', 'article', 0),
  n('a21', 'p2', 'article', 0),
  n('t112', 'a11', 'task', 5),
  n('t111', 'a11', 'task', 2),
  n('m1', 't111', 'milestone', 0),
];
const byId = new Map(decision.map((x) => [x.id, x]));

describe('numberTree', () => {
  it('numbers by position, ignoring gaps in seq', () => {
    const codes = numberTree(decision);
    expect(codes.get('p2')).toEqual({ code: '2', seq: 1 });
    expect(codes.get('t111')).toEqual({ code: '1.1.1', seq: 0 });
    expect(codes.get('t112')).toEqual({ code: '1.1.2', seq: 1 });
    expect(codes.get('m1')?.code).toBe('1.1.1.1');
  });
});

describe('wouldCreateCycle', () => {
  it.each([
    ['t111', 'm1', true],
    ['t111', 't111', true],
    ['t111', 'a21', false],
    ['t112', 't111', false],
  ])('move %s under %s → %s', (node, parent, cycle) => expect(wouldCreateCycle(byId, node, parent)).toBe(cycle));
});

describe('assertPlacement', () => {
  it('allows a sub-task and a milestone under a task', () => {
    expect(() => assertPlacement('task', byId.get('t111')!)).not.toThrow();
    expect(() => assertPlacement('milestone', byId.get('t111')!)).not.toThrow();
  });
  it.each([
    ['milestone', 'a11'],
    ['task', 'p1'],
    ['task', 'm1'],
    ['article', 'a11'],
  ] as const)('rejects a %s under %s', (kind, parent) => {
    expect(() => assertPlacement(kind, byId.get(parent)!)).toThrowError(DomainError);
  });
  it('rejects a task at the root', () => expect(() => assertPlacement('task', null)).toThrow('NODE_KIND_INVALID'));
});

describe('dates, subtree, reorder', () => {
  it('due on the start day is fine, before it is not', () => {
    expect(() => assertDatesOrdered('2026-01-01', '2026-01-01')).not.toThrow();
    expect(() => assertDatesOrdered('2026-01-02', '2026-01-01')).toThrow('DATES_INVERTED');
    expect(() => assertDatesOrdered(null, '2026-01-01')).not.toThrow();
  });
  it('collects a subtree', () => expect(collectSubtree(decision, 'a11').sort()).toEqual(['a11', 'm1', 't111', 't112']));
  it('inserts at a clamped position', () => {
    const sibs = [byId.get('t111')!, byId.get('t112')!];
    expect(reorderSiblings(sibs, 'x', 0)).toEqual(['x', 't111', 't112']);
    expect(reorderSiblings(sibs, 'x', 99)).toEqual(['t111', 't112', 'x']);
    expect(reorderSiblings(sibs, 't112', 0)).toEqual(['t112', 't111']);
  });
});
