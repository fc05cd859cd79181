import { describe, expect, it } from 'vitest';
import { ancestorIds, buildTreeData, collectParentKeys, type TreeSource } from './build-tree-data';

const node = (id: string, parentId: string | null, kind: TreeSource['kind'], code: string, seq: number, title: string): TreeSource => ({
  id, parentId, kind, code, seq, title,
});

// Out of seq order on purpose: the helper must not trust the list order.
const NODES: TreeSource[] = [
  node('p2', null, 'part', '2', 2, '推动成渝地区双城经济圈建设'),
  node('p1', null, 'part', '1', 1, '总体要求'),
  node('a2', 'p1', 'article', '1.2', 2, '基本原则'),
  node('a1', 'p1', 'article', '1.1', 1, '重大意义'),
  node('t1', 'a1', 'task', '1.1.1', 1, 'Build the Chengdu hub'),
  node('m1', 't1', 'milestone', '1.1.1.1', 1, '完成规划编制'),
];

describe('buildTreeData', () => {
  it('nests nodes under their parents, ordered by seq, titled "code title"', () => {
    const tree = buildTreeData(NODES);
    expect(tree.map((i) => i.title)).toEqual(['1 总体要求', '2 推动成渝地区双城经济圈建设']);
    expect(tree[0]?.children?.map((i) => i.key)).toEqual(['a1', 'a2']);
    expect(tree[0]?.children?.[0]?.children?.[0]?.children?.[0]).toEqual({ key: 'm1', title: '1.1.1.1 完成规划编制', kind: 'milestone' });
  });

  it('leaves `children` off leaves so antd shows no expander', () => {
    const tree = buildTreeData(NODES);
    expect(tree[1]).toEqual({ key: 'p2', title: '2 推动成渝地区双城经济圈建设', kind: 'part' });
  });

  it('in a partial outline (a large plan), keeps a childless node expandable unless it is a milestone', () => {
    const tree = buildTreeData(NODES, '', true);
    expect(tree[1]).toEqual({ key: 'p2', title: '2 推动成渝地区双城经济圈建设', kind: 'part', isLeaf: false });
    expect(tree[0]?.children?.[0]?.children?.[0]?.children?.[0]).toMatchObject({ key: 'm1', isLeaf: true });
  });

  it('returns an empty tree for an empty list', () => {
    expect(buildTreeData([])).toEqual([]);
  });

  it('keeps a hit and its ancestors, dropping unrelated branches', () => {
    const tree = buildTreeData(NODES, '规划编制');
    expect(tree.map((i) => i.key)).toEqual(['p1']);
    expect(tree[0]?.children?.map((i) => i.key)).toEqual(['a1']);
    expect(collectParentKeys(tree)).toEqual(['p1', 'a1', 't1']);
  });

  it('matches codes and is case-insensitive, ignoring surrounding spaces', () => {
    expect(collectParentKeys(buildTreeData(NODES, ' chengdu '))).toEqual(['p1', 'a1']);
    expect(buildTreeData(NODES, '1.2')[0]?.children?.map((i) => i.key)).toEqual(['a2']);
  });

  it('keeps a matching node but not its non-matching children', () => {
    const tree = buildTreeData(NODES, '重大意义');
    expect(tree[0]?.children?.[0]).toEqual({ key: 'a1', title: '1.1 重大意义', kind: 'article' });
  });

  it('returns nothing when nothing matches', () => {
    expect(buildTreeData(NODES, 'no such text')).toEqual([]);
  });

  it('shows a node whose parent is missing at the root', () => {
    const tree = buildTreeData([node('x', 'gone', 'task', '9.9.9', 1, 'orphan')]);
    expect(tree.map((i) => i.key)).toEqual(['x']);
  });
});

describe('ancestorIds', () => {
  it('lists ancestors root first', () => {
    expect(ancestorIds(NODES, 'm1')).toEqual(['p1', 'a1', 't1']);
  });

  it('is empty for a root or an unknown id', () => {
    expect(ancestorIds(NODES, 'p1')).toEqual([]);
    expect(ancestorIds(NODES, 'nope')).toEqual([]);
  });

  it('stops on a cycle instead of looping', () => {
    const cyclic = [node('a', 'b', 'task', '1', 1, 'a'), node('b', 'a', 'task', '2', 1, 'b')];
    expect(ancestorIds(cyclic, 'a')).toEqual(['a', 'b']);
  });
});
