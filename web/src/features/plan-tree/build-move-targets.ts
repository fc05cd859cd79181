import { buildTreeData, type PlanTreeItem, type TreeSource } from './build-tree-data';
import { canBeChildOf } from './node-rules';

export type MoveTarget = { value: string; title: string; disabled: boolean; children?: MoveTarget[] };

function subtreeIds(nodes: readonly TreeSource[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of nodes) {
      if (n.parentId !== null && ids.has(n.parentId) && !ids.has(n.id)) {
        ids.add(n.id);
        grew = true;
      }
    }
  }
  return ids;
}

/**
 * TreeSelect data for "move `moving` under …": the whole plan minus the node's own subtree
 * (a node cannot go under itself), with parents of the wrong kind shown but disabled.
 */
export function buildMoveTargets(nodes: readonly TreeSource[], moving: TreeSource): MoveTarget[] {
  const excluded = subtreeIds(nodes, moving.id);
  const candidates = nodes.filter((n) => !excluded.has(n.id));
  const toTarget = (item: PlanTreeItem): MoveTarget => ({
    value: item.key,
    title: item.title,
    disabled: !canBeChildOf(moving.kind, item.kind),
    ...(item.children ? { children: item.children.map(toTarget) } : {}),
  });
  return buildTreeData(candidates).map(toTarget);
}

/** How many siblings the node would have under `parentId` — the largest valid position. */
export function siblingCount(nodes: readonly TreeSource[], parentId: string, movingId: string): number {
  return nodes.filter((n) => n.parentId === parentId && n.id !== movingId).length;
}
