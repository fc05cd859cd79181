import { describe, expect, it } from 'vitest';
import type { TreeSource } from './build-tree-data';
import { buildMoveTargets, siblingCount } from './build-move-targets';

const n = (id: string, parentId: string | null, kind: TreeSource['kind'], seq = 1): TreeSource => ({
  id, parentId, kind, seq, code: id, title: id,
});

const NODES = [n('p', null, 'part'), n('a', 'p', 'article'), n('t1', 'a', 'task', 1), n('t2', 'a', 'task', 2), n('t1a', 't1', 'task'), n('m', 't2', 'milestone')];

describe('buildMoveTargets', () => {
  it('drops the moving node and its subtree, disabling parents of the wrong kind', () => {
    const targets = buildMoveTargets(NODES, n('t1', 'a', 'task'));
    expect(targets[0]).toMatchObject({ value: 'p', disabled: true });
    const article = targets[0]?.children?.[0];
    expect(article).toMatchObject({ value: 'a', disabled: false });
    expect(article?.children?.map((c) => c.value)).toEqual(['t2']);
    expect(article?.children?.[0]?.children?.[0]).toMatchObject({ value: 'm', disabled: true });
  });

  it('lets a milestone go only under a task', () => {
    const targets = buildMoveTargets(NODES, n('m', 't2', 'milestone'));
    const article = targets[0]?.children?.[0];
    expect(article?.disabled).toBe(true);
    expect(article?.children?.map((c) => [c.value, c.disabled])).toEqual([['t1', false], ['t2', false]]);
  });
});

describe('siblingCount', () => {
  it('does not count the moving node itself', () => {
    expect(siblingCount(NODES, 'a', 't1')).toBe(1);
    expect(siblingCount(NODES, 't1', 't2')).toBe(1);
  });
});
