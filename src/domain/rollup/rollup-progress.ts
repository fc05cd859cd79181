import { DomainError } from '../errors';
import { STATUS_ORDER, type Status } from '../status/status';

/**
 * One node of the tree to roll up. Leaves (tasks without child tasks; the caller leaves milestones out,
 * since they shape the plan, not the progress) carry status and progress; inner nodes carry only weight.
 * `weight` is relative to siblings, not a percentage.
 */
export interface RollupNode {
  id: string;
  parentId: string | null;
  weight: number;
  cancelled?: boolean;
  status?: Status;
  progressPct?: number | null;
}

export type StatusCounts = Record<Status, number>;

export interface RollupResult {
  /** Weighted mean of the live children's progress (a leaf: its own reported progress, null → 0). Not rounded. */
  progressPct: number;
  /** Sum of the weights that went into `progressPct`, so a child's share is child.weight / parent.weightTotal. 0 for a leaf. */
  weightTotal: number;
  /** Leaf tasks at or below this node, by status. */
  counts: StatusCounts;
}

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as StatusCounts;
}

/**
 * Progress and status counts for every node, in one O(n) pass (children index, then an iterative
 * post-order walk, so a 100k-node plan cannot overflow the stack).
 *
 * - Cancelled nodes (flag or status 'cancelled'), and everything under them, leave their parent's progress untouched; their leaves
 *   are still counted, as 'cancelled', so the cockpit can say how many tasks were dropped.
 * - Children of weight 0 do not count; when every live child has weight 0 the plain mean is used, so
 *   a plan loaded without weights still rolls up.
 * - An inner node with no live leaf below it has nothing to measure: it reports 0 and its parent ignores it.
 * - A node whose parent is not in the input is a root, so a subtree can be rolled up on its own.
 *
 * A leaf without a status counts as 'not_started'. Throws NODE_CYCLE if parent links loop, and
 * VALIDATION_FAILED on a duplicate id.
 */
export function rollup(nodes: readonly RollupNode[]): Map<string, RollupResult> {
  const n = nodes.length;
  const index = new Map<string, number>();
  nodes.forEach((node, i) => {
    if (index.has(node.id)) throw new DomainError('VALIDATION_FAILED', { reason: 'duplicate_node_id', id: node.id });
    index.set(node.id, i);
  });

  const children: number[][] = Array.from({ length: n }, () => []);
  const roots: number[] = [];
  nodes.forEach((node, i) => {
    const p = node.parentId === null ? undefined : index.get(node.parentId);
    if (p === undefined) roots.push(i);
    else children[p]!.push(i);
  });

  // Pre-order walk: parents before children, so cancellation can flow down; reversed it is a post-order.
  const order: number[] = [];
  const cancelled = new Array<boolean>(n).fill(false);
  const stack = [...roots];
  for (const r of roots) cancelled[r] = isCancelled(nodes[r]!);
  while (stack.length) {
    const i = stack.pop()!;
    order.push(i);
    for (const c of children[i]!) {
      cancelled[c] = cancelled[i]! || isCancelled(nodes[c]!);
      stack.push(c);
    }
  }
  if (order.length < n) {
    const reached = new Set(order);
    const stuck = nodes.find((_, i) => !reached.has(i));
    throw new DomainError('NODE_CYCLE', { nodeId: stuck?.id });
  }

  const progress = new Array<number>(n).fill(0);
  const measured = new Array<boolean>(n).fill(false);
  const out = new Map<string, RollupResult>();
  for (let k = n - 1; k >= 0; k--) {
    const i = order[k]!;
    const node = nodes[i]!;
    const counts = emptyCounts();
    const kids = children[i]!;
    let weightTotal = 0;

    if (kids.length === 0) {
      counts[cancelled[i] ? 'cancelled' : (node.status ?? 'not_started')] = 1;
      progress[i] = clampPct(node.progressPct ?? 0);
      measured[i] = !cancelled[i];
    } else {
      let sumWP = 0;
      let sumP = 0;
      let live = 0;
      for (const c of kids) {
        const cc = out.get(nodes[c]!.id)!.counts;
        for (const s of STATUS_ORDER) counts[s] += cc[s];
        if (!measured[c]) continue;
        const w = Math.max(0, nodes[c]!.weight);
        live++;
        sumP += progress[c]!;
        sumWP += w * progress[c]!;
        weightTotal += w;
      }
      progress[i] = weightTotal > 0 ? sumWP / weightTotal : live > 0 ? sumP / live : 0;
      measured[i] = live > 0 && !cancelled[i];
    }
    out.set(node.id, { progressPct: progress[i]!, weightTotal, counts });
  }
  return out;
}

/**
 * Progress and counts per group (unit, key area, division …) over leaf tasks; a leaf may belong to
 * several groups and counts fully in each. Progress is the mean weighted by leaf weight, with the same
 * cancelled and zero-weight rules as `rollup`.
 */
export function rollupBy<T extends RollupNode>(
  key: (leaf: T) => readonly string[],
  leaves: readonly T[],
): Map<string, { progressPct: number; counts: StatusCounts }> {
  const acc = new Map<string, { sumWP: number; sumW: number; sumP: number; live: number; counts: StatusCounts }>();
  for (const leaf of leaves) {
    for (const g of new Set(key(leaf))) {
      let a = acc.get(g);
      if (!a) acc.set(g, (a = { sumWP: 0, sumW: 0, sumP: 0, live: 0, counts: emptyCounts() }));
      a.counts[isCancelled(leaf) ? 'cancelled' : (leaf.status ?? 'not_started')]++;
      if (isCancelled(leaf)) continue;
      const p = clampPct(leaf.progressPct ?? 0);
      const w = Math.max(0, leaf.weight);
      a.live++;
      a.sumP += p;
      a.sumWP += w * p;
      a.sumW += w;
    }
  }
  const out = new Map<string, { progressPct: number; counts: StatusCounts }>();
  for (const [g, a] of acc) {
    out.set(g, { progressPct: a.sumW > 0 ? a.sumWP / a.sumW : a.live > 0 ? a.sumP / a.live : 0, counts: a.counts });
  }
  return out;
}

/** The flag and the status are two ways to say the same thing; either is enough. */
function isCancelled(node: RollupNode): boolean {
  return Boolean(node.cancelled) || node.status === 'cancelled';
}

function clampPct(x: number): number {
  return Math.min(100, Math.max(0, x));
}
