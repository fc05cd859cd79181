import type { NodeKind } from '../../api/types';

export type PlanCounts = Record<NodeKind, number>;

export function countByKind(nodes: readonly { kind: NodeKind }[]): PlanCounts {
  const counts: PlanCounts = { part: 0, article: 0, task: 0, milestone: 0 };
  for (const node of nodes) counts[node.kind] += 1;
  return counts;
}
