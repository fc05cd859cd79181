import { DomainError } from '../errors';
import { canBeChildOf, isStructural, type NodeKind } from './node-kind';

export interface TreeNode {
  id: string;
  parentId: string | null;
  kind: NodeKind;
  seq: number;
}

/** True when moving `nodeId` under `newParentId` would make the node its own ancestor. */
export function wouldCreateCycle(nodes: ReadonlyMap<string, TreeNode>, nodeId: string, newParentId: string | null): boolean {
  let cursor = newParentId;
  const seen = new Set<string>();
  while (cursor !== null) {
    if (cursor === nodeId || seen.has(cursor)) return true;
    seen.add(cursor);
    cursor = nodes.get(cursor)?.parentId ?? null;
  }
  return false;
}

export function assertPlacement(kind: NodeKind, parent: TreeNode | null): void {
  if (!canBeChildOf(kind, parent?.kind ?? null)) {
    throw new DomainError('NODE_KIND_INVALID', { kind, parentKind: parent?.kind ?? null });
  }
}

export function assertMovable(node: TreeNode): void {
  if (isStructural(node.kind)) throw new DomainError('NODE_LOCKED', { nodeId: node.id, kind: node.kind });
}

export function assertDatesOrdered(startOn: string | null, dueOn: string | null): void {
  if (startOn && dueOn && dueOn < startOn) throw new DomainError('DATES_INVERTED', { startOn, dueOn });
}

/** Every node in the subtree rooted at `rootId`, the root first. */
export function collectSubtree(nodes: readonly TreeNode[], rootId: string): string[] {
  const children = groupChildren(nodes);
  const out: string[] = [];
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    out.push(id);
    for (const c of children.get(id) ?? []) stack.push(c.id);
  }
  return out;
}

export function groupChildren<T extends TreeNode>(nodes: readonly T[]): Map<string | null, T[]> {
  const byParent = new Map<string | null, T[]>();
  for (const n of nodes) {
    const list = byParent.get(n.parentId);
    if (list) list.push(n);
    else byParent.set(n.parentId, [n]);
  }
  for (const list of byParent.values()) list.sort((a, b) => a.seq - b.seq);
  return byParent;
}

/**
 * Outline codes (1, 3.1, 3.1.2 …) from position: the code is never stored by hand, so moving or
 * deleting a task can never leave two tasks numbered alike. Returns the new code and seq of every node.
 */
export function numberTree(nodes: readonly TreeNode[]): Map<string, { code: string; seq: number }> {
  const children = groupChildren(nodes);
  const out = new Map<string, { code: string; seq: number }>();
  const walk = (parentId: string | null, prefix: string) => {
    (children.get(parentId) ?? []).forEach((n, i) => {
      const code = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      out.set(n.id, { code, seq: i });
      walk(n.id, code);
    });
  };
  walk(null, '');
  return out;
}

/** Siblings of the new parent in their new order, with `nodeId` inserted at `position` (clamped). */
export function reorderSiblings(siblings: readonly TreeNode[], nodeId: string, position: number): string[] {
  const ids = [...siblings].sort((a, b) => a.seq - b.seq).map((s) => s.id).filter((id) => id !== nodeId);
  const at = Math.max(0, Math.min(position, ids.length));
  ids.splice(at, 0, nodeId);
  return ids;
}
