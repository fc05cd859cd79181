import type { NodeKind } from '../../api/types';

/** The fields of a plan node the tree needs; TNode satisfies it. */
export type TreeSource = { id: string; parentId: string | null; kind: NodeKind; code: string; seq: number; title: string };

/** antd Tree data: `title` is the display text, `code` first as the plan prints it ("3.1.2 …"). */
export type PlanTreeItem = { key: string; title: string; kind: NodeKind; children?: PlanTreeItem[]; isLeaf?: boolean };

/**
 * Builds the nested tree from the flat list GET /plans/:id/nodes returns.
 * With a query, keeps the nodes whose code or title contains it (case-insensitive) plus
 * their ancestors, so a hit is always shown in context. A node whose parent is missing
 * from the list is shown at the root rather than lost. `partial`: the list is a large plan's upper levels, so
 * a node without listed children may still have some (only milestones are known leaves).
 */
export function buildTreeData(nodes: readonly TreeSource[], query = '', partial = false): PlanTreeItem[] {
  const ids = new Set(nodes.map((n) => n.id));
  const childrenOf = new Map<string | null, TreeSource[]>();
  for (const node of nodes) {
    const parent = node.parentId !== null && ids.has(node.parentId) ? node.parentId : null;
    const siblings = childrenOf.get(parent);
    if (siblings) siblings.push(node);
    else childrenOf.set(parent, [node]);
  }
  for (const siblings of childrenOf.values()) siblings.sort((a, b) => a.seq - b.seq);

  const needle = query.trim().toLowerCase();
  const matches = (n: TreeSource) =>
    needle === '' || n.code.toLowerCase().includes(needle) || n.title.toLowerCase().includes(needle);

  const build = (parentId: string | null): PlanTreeItem[] => {
    const items: PlanTreeItem[] = [];
    for (const node of childrenOf.get(parentId) ?? []) {
      const children = build(node.id);
      if (!matches(node) && children.length === 0) continue;
      const item: PlanTreeItem = { key: node.id, title: `${node.code} ${node.title}`, kind: node.kind };
      if (children.length > 0) item.children = children;
      else if (partial) item.isLeaf = node.kind === 'milestone';
      items.push(item);
    }
    return items;
  };
  return build(null);
}

/** Keys of every item that has children: expanding them all shows every search hit. */
export function collectParentKeys(items: readonly PlanTreeItem[]): string[] {
  const keys: string[] = [];
  const walk = (list: readonly PlanTreeItem[]) => {
    for (const item of list) {
      if (item.children) {
        keys.push(item.key);
        walk(item.children);
      }
    }
  };
  walk(items);
  return keys;
}

/** Ids from the root down to (not including) `id`, for expanding the path to a selected node. */
export function ancestorIds(nodes: readonly TreeSource[], id: string): string[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const path: string[] = [];
  const seen = new Set<string>();
  let current = byId.get(id)?.parentId ?? null;
  while (current !== null && !seen.has(current)) {
    seen.add(current);
    path.unshift(current);
    current = byId.get(current)?.parentId ?? null;
  }
  return path;
}
